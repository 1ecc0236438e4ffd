import { booleanOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import { nullableWindowOption, paddingOption, windowOption } from "../../ir/layers/window-options.js";
import { activationCode } from "../kernels/codes.js";
import { conv1dOp } from "../ops/conv1d-op.js";
import { globalPool1dOp, pool1dOp } from "../ops/pool1d-op.js";
import { placeMatrix, placeVector } from "../plan/place-weights.js";
import type { LayerLowering } from "./lowering.js";

// None of these layers supports masking in tfjs-layers: they take no notice of a mask, and a
// mask stops at them (GlobalAveragePooling1D averages padded steps too, unlike Keras's).

/** Conv1D with padding valid, same or causal (nnspec's CausalConv1D in the Layers model), any strides or dilation. */
const conv1d: LayerLowering = {
  types: ["Conv1D"],
  masks: "ignores",
  lower(context) {
    const { layer, node, arena, optimizations } = context;
    const filters = numberOption(layer.options, "filters");
    const size = windowOption(layer.options, "kernel_size");
    const padding = paddingOption(layer.options);
    const kernel = context.weight("kernel")!;
    const channels = kernel.length / (size * filters);
    const bias = booleanOption(layer.options, "use_bias") ? placeVector(arena, context.weight("bias")!) : 0;
    const weights = {
      kernel: placeMatrix(arena, kernel, size * channels, filters),
      channels,
      bias,
      zeros: padding === "valid" ? 0 : placeVector(arena, new Float32Array(channels)),
    };
    const window = { size, stride: windowOption(layer.options, "strides"), dilation: windowOption(layer.options, "dilation_rate"), padding };
    const activation = activationCode(nullableStringOption(layer.options, "activation"));
    context.push(conv1dOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, window, weights, activation, optimizations.fuseEpilogue));
  },
};

/** MaxPooling1D and AveragePooling1D, padding valid or same; strides default to the pool size. */
const pooling: LayerLowering = {
  types: ["MaxPooling1D", "AveragePooling1D"],
  masks: "ignores",
  lower({ layer, node, push }) {
    const size = windowOption(layer.options, "pool_size");
    const window = { size, stride: nullableWindowOption(layer.options, "strides") ?? size, dilation: 1, padding: paddingOption(layer.options) };
    push(pool1dOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, window, layer.type === "AveragePooling1D"));
  },
};

/** GlobalMaxPooling1D and GlobalAveragePooling1D (nnspec has no keepdims for them). */
const globalPooling: LayerLowering = {
  types: ["GlobalMaxPooling1D", "GlobalAveragePooling1D"],
  masks: "ignores",
  lower({ layer, node, push }) {
    push(globalPool1dOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, layer.type === "GlobalAveragePooling1D"));
  },
};

/** Conv1D and the 1D poolings. */
export const CONVOLUTION_LOWERINGS: readonly LayerLowering[] = [conv1d, pooling, globalPooling];
