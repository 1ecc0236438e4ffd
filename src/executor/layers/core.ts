import { axesOption, booleanOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import { ACTIVATION_CODES, activationCode, BINARY_CODES, type BinaryCode } from "../kernels/codes.js";
import { activationOp, softmaxOp } from "../ops/activation-op.js";
import { concatenateOp } from "../ops/concatenate-op.js";
import { denseOp } from "../ops/dense-op.js";
import { dotOp } from "../ops/dot-op.js";
import { lookupOp } from "../ops/lookup-op.js";
import { maskAndOp, nonZeroMaskOp } from "../ops/mask-ops.js";
import { mergeOp } from "../ops/merge-op.js";
import { foldEmbedding, foldFits } from "../plan/fold-embedding.js";
import { placeMatrix, placeVector } from "../plan/place-weights.js";
import { newMask, passFirstMask, type LayerLowering, type LoweringContext, type NodeView } from "./lowering.js";

const embedding: LayerLowering = {
  types: ["Embedding"],
  outputMasks: ({ layer, node }) => [layer.options.mask_zero === true ? newMask(node.outputs[0]!.id) : undefined],
  lower(context) {
    const { layer, node } = context;
    const [ids, output] = [node.inputs[0]!, node.outputs[0]!.id];
    const table = context.table(layer);
    context.recordLookup(output, ids, table);
    context.push(lookupOp(layer.name, ids, output, table, context.arena));
    const mask = context.outputMask(0);
    if (mask) context.push(nonZeroMaskOp(layer.name, ids, mask));
  },
};

const dense: LayerLowering = {
  types: ["Dense"],
  masks: "ignores",
  outputMasks: passFirstMask,
  lower(context) {
    const { layer, node, arena, optimizations } = context;
    const [input, output] = [node.inputs[0]!, node.outputs[0]!.id];
    const units = numberOption(layer.options, "units");
    const kernelValues = context.weight("kernel")!;
    const packed = placeMatrix(arena, kernelValues, kernelValues.length / units, units);
    const bias = placeVector(arena, context.weight("bias") ?? new Float32Array(units));
    const activation = activationCode(nullableStringOption(layer.options, "activation"));
    const source = optimizations.foldConstants ? context.embeddedBy(input) : undefined;
    if (source && foldFits(source.table, units)) {
      const folded = foldEmbedding(context.kernel, arena, source.table, packed, bias, activation);
      context.push(lookupOp(layer.name, source.ids, output, folded, arena));
    } else context.push(denseOp(layer.name, input, output, packed, bias, activation, optimizations.fuseEpilogue));
  },
};

/** Dropout is the identity at inference; a linear Activation too (both usually removed before lowering). */
const activations: LayerLowering = {
  types: ["Dropout", "Activation"],
  masks: "ignores",
  outputMasks: passFirstMask,
  lower({ layer, node, push }) {
    const code = layer.type === "Dropout" ? ACTIVATION_CODES.linear : activationCode(nullableStringOption(layer.options, "activation"));
    push(activationOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, code));
  },
};

const softmax: LayerLowering = {
  types: ["Softmax"],
  lower({ layer, node, push }) {
    push(softmaxOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, numberOption(layer.options, "axis")));
  },
};

const dot: LayerLowering = {
  types: ["Dot"],
  masks: "ignores",
  lower({ layer, node, rank, push }) {
    const option = axesOption(layer.options, "axes");
    const given = typeof option === "number" ? [option, option] : option;
    const axes = given.map((axis, i) => (axis < 0 ? axis + rank(node.inputs[i]!) : axis)) as [number, number];
    push(dotOp(layer.name, node.inputs, node.outputs[0]!.id, axes, booleanOption(layer.options, "normalize")));
  },
};

/** Concatenate's axis, counted from the front. */
const concatenateAxis = ({ layer, node, rank }: NodeView) => {
  const axis = numberOption(layer.options, "axis");
  return axis < 0 ? axis + rank(node.inputs[0]!) : axis;
};

/** The distinct masks of a node's inputs. */
const inputMasks = ({ node, mask }: NodeView) => [...new Set(node.inputs.map(mask).filter((m): m is string => m !== undefined))];

/** The mask of a merge's output: a step is kept where every masked input keeps it (one mask passes as it is). */
function keptByAll(view: NodeView): (string | undefined)[] {
  const masks = inputMasks(view);
  return [masks.length <= 1 ? masks[0] : newMask(view.node.outputs[0]!.id)];
}

/** Pushes the op that makes a merge's new mask, when keptByAll made one. */
function pushMaskAnd(context: LoweringContext): void {
  const masks = inputMasks(context);
  if (masks.length > 1) context.push(maskAndOp(context.layer.name, masks, context.outputMask(0)!));
}

/** tfjs-layers' Concatenate.computeMask: along the last axis, keptByAll; other axes with masks are not run here. */
const concatenate: LayerLowering = {
  types: ["Concatenate"],
  masks: "ignores",
  unsupported: (view) =>
    inputMasks(view).length > 0 && concatenateAxis(view) !== view.rank(view.node.inputs[0]!) - 1
      ? "the executor combines masks of a Concatenate along the last axis only"
      : undefined,
  outputMasks: keptByAll,
  lower(context) {
    const { layer, node, push } = context;
    push(concatenateOp(layer.name, node.inputs, node.outputs[0]!.id, numberOption(layer.options, "axis")));
    pushMaskAnd(context);
  },
};

const MERGES: Record<string, { op: BinaryCode; average: boolean }> = {
  Add: { op: BINARY_CODES.add, average: false },
  Subtract: { op: BINARY_CODES.subtract, average: false },
  Multiply: { op: BINARY_CODES.multiply, average: false },
  Average: { op: BINARY_CODES.add, average: true },
  Maximum: { op: BINARY_CODES.maximum, average: false },
  Minimum: { op: BINARY_CODES.minimum, average: false },
};

/**
 * Element-wise merges. Their masks: keptByAll, as Keras (nnspec's Layers model mends
 * tfjs-layers' Merge.computeMask to do so, see backend/merge-masks.ts).
 */
const merges: LayerLowering = {
  types: Object.keys(MERGES),
  masks: "ignores",
  unsupported: ({ layer, node, dtype }) =>
    node.inputs.some((id) => dtype(id) !== "float32") ? `the executor's ${layer.type} takes float32 tensors only` : undefined,
  outputMasks: keptByAll,
  lower(context) {
    const { layer, node, push } = context;
    const merge = MERGES[layer.type]!;
    push(mergeOp(layer.name, node.inputs, node.outputs[0]!.id, merge.op, merge.average));
    pushMaskAnd(context);
  },
};

export const CORE_LOWERINGS: readonly LayerLowering[] = [embedding, dense, activations, softmax, dot, concatenate, merges];
