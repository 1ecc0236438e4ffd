import { sliceOptions } from "../../ir/layers/slice.js";
import { intListOption } from "../../ir/layers/int-list-option.js";
import { numberOption } from "../../ir/layers/option-values.js";
import { permuteOp } from "../ops/layout-permute-op.js";
import { repeatVectorOp } from "../ops/layout-repeat-op.js";
import { rescaleOp } from "../ops/layout-rescale-op.js";
import { flattenOp, reshapeOp } from "../ops/reshape-op.js";
import { sliceOp } from "../ops/slice-op.js";
import { stepContext, stepView } from "../ops/time-distributed-step.js";
// A cycle (index.ts imports this file), harmless: LOWERINGS is only read when a node is lowered.
import { LOWERINGS } from "./index.js";
import { passFirstMask, type LayerLowering } from "./lowering.js";

/**
 * tfjs-layers' layers without supportsMasking take no notice of a mask, and give none: a mask
 * stops at them (nnspec's Layers model keeps tfjs's executor from passing it on regardless, see
 * backend/isolate-call-arguments.ts).
 */
const STOPS_MASK: Pick<LayerLowering, "masks"> = { masks: "ignores" };

const repeatVector: LayerLowering = {
  types: ["RepeatVector"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    push(repeatVectorOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, numberOption(layer.options, "n")));
  },
};

const flatten: LayerLowering = {
  types: ["Flatten"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    push(flattenOp(layer.name, node.inputs[0]!, node.outputs[0]!.id));
  },
};

const reshape: LayerLowering = {
  types: ["Reshape"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    push(reshapeOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, intListOption(layer.options, "target_shape")));
  },
};

const permute: LayerLowering = {
  types: ["Permute"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    push(permuteOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, intListOption(layer.options, "dims")));
  },
};

/** The language's indexing and slicing (nnspec's NnspecSlice layer in tfjs). */
const slice: LayerLowering = {
  types: ["Slice"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    const { begin, end, strides, squeeze } = sliceOptions(layer.options);
    push(sliceOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, { begin, end, strides, squeeze: squeeze ?? [] }));
  },
};

/**
 * Rescaling (x · scale + offset) does not support masking in tfjs-layers either: the mask stops.
 */
const rescaling: LayerLowering = {
  types: ["Rescaling"],
  ...STOPS_MASK,
  lower({ layer, node, push }) {
    const { options } = layer;
    push(rescaleOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, numberOption(options, "scale"), numberOption(options, "offset")));
  },
};

/**
 * TimeDistributed: the wrapped layer's own lowering, its ops run on [batch·time, …] (one Dense
 * product over all steps, one recurrent layer over batch·time sequences). tfjs-layers'
 * TimeDistributed supports masking: its mask is its input's.
 */
const timeDistributed: LayerLowering = {
  types: ["TimeDistributed"],
  masks: "ignores",
  outputMasks: passFirstMask,
  unsupported(view) {
    const step = stepView(view);
    const type = step.layer.type;
    const lowering = LOWERINGS.get(type);
    if (!lowering) return `the executor has no ${type} layer yet, so no TimeDistributed(${type})`;
    const reason = lowering.unsupported?.(step);
    if (reason) return `TimeDistributed(${type}): ${reason}`;
    if (view.mask(view.node.inputs[0]!) && lowering.masks !== "ignores") {
      // tfjs-layers passes its whole [batch, time] mask on to the wrapped layer's call at every step.
      return `a mask reaches TimeDistributed(${type}), which tfjs-layers hands on to the wrapped ${type} at every step; the executor does not run that`;
    }
    return undefined;
  },
  lower(context) {
    const step = stepContext(context);
    LOWERINGS.get(step.layer.type)!.lower(step);
  },
};

/** RepeatVector, Flatten, Reshape, Permute, slicing, TimeDistributed, Rescaling. */
export const LAYOUT_LOWERINGS: readonly LayerLowering[] = [repeatVector, flatten, reshape, permute, slice, rescaling, timeDistributed];
