import { describeInput, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Options } from "../types.js";
import { tfjsActivation } from "./activation-names.js";
import { convOutputLength, windowSpan } from "./conv-output-length.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { requireFloat, requireKnownFeatures, requireRank } from "./input-checks.js";
import { booleanOption, nullableStringOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { activation, flag, initializer, optionSchema, positiveInteger, regularizer } from "./schema-parts.js";
import { rejectActivityRegularizer } from "./unsupported-options.js";
import { weight } from "./weights.js";
import { checkWindowOptions, paddingOption, windowOption, windowSize } from "./window-options.js";

const TYPE = "Conv1D";

/** The class of nnspec's causal convolution (src/backend/custom): tfjs-layers' Conv1D throws on padding "causal". */
export const CAUSAL_CONV1D_CLASS = "CausalConv1D";

/**
 * Keras's Conv1D over [batch, steps, channels]: `filters` kernels of `kernel_size` steps
 * (taps `dilation_rate` apart), moved `strides` steps at a time. padding "causal" pads only
 * the start, so step t sees nothing after t; tfjs-layers' Conv1D cannot run it, so that case
 * is lowered to nnspec's own CausalConv1D layer with the same weights.
 */
export const conv1d: LayerDefinition = {
  type: TYPE,
  family: "convolutional",
  summary: "1-D convolution over time: filters kernels of kernel_size steps, padding valid, same or causal.",
  positional: ["filters", "kernel_size"],
  options: optionSchema(
    {
      filters: positiveInteger(),
      kernel_size: windowSize(),
      strides: windowSize(1),
      padding: { enum: ["valid", "same", "causal"], default: "valid" },
      dilation_rate: windowSize(1),
      activation: activation(null),
      use_bias: flag(true),
      kernel_initializer: initializer("glorot_uniform"),
      bias_initializer: initializer("zeros"),
      kernel_regularizer: regularizer(),
      bias_regularizer: regularizer(),
      activity_regularizer: regularizer(),
    },
    ["filters", "kernel_size"],
  ),
  inputs: { min: 1, max: 1 },
  infer: inferConv1d,
  toTfjs: ({ name, options }) => ({
    className: paddingOption(options) === "causal" ? CAUSAL_CONV1D_CLASS : TYPE,
    config: { name, ...conv1dConfig(options) },
  }),
};

function inferConv1d(ctx: InferContext): Inference | undefined {
  const ok =
    rejectActivityRegularizer(ctx, TYPE) &&
    checkWindowOptions(ctx, TYPE, ["kernel_size", "strides", "dilation_rate"]) &&
    supportedWindow(ctx) &&
    requireRank(ctx, TYPE, 0, 3, "[batch, steps, channels]") &&
    requireFloat(ctx, TYPE, 0);
  if (!ok) return undefined;
  const channels = requireKnownFeatures(ctx, TYPE, 0);
  if (channels === undefined) return undefined;

  const options = ctx.options;
  const input = ctx.inputs[0];
  const [batch, steps] = input.type.shape;
  const filters = numberOption(options, "filters");
  const size = windowOption(options, "kernel_size");
  const dilation = windowOption(options, "dilation_rate");
  const length = convOutputLength(steps, size, paddingOption(options), windowOption(options, "strides"), dilation);
  if (typeof length === "number" && length < 1) {
    const span = windowSpan(size, dilation);
    ctx.error(
      "ShapeMismatch",
      `${layerSubject(TYPE, ctx.layerName)}: the kernel spans ${span} steps, more than the ${String(steps)} of ${describeInput(input)}; use padding="same" or a shorter kernel`,
      { input: 0 },
    );
    return undefined;
  }
  const weights = [
    weight(
      "kernel",
      [size, channels, filters],
      initializerSpec(stringOption(options, "kernel_initializer")),
      regularizerOption(options, "kernel_regularizer"),
    ),
  ];
  if (booleanOption(options, "use_bias")) {
    weights.push(
      weight("bias", [filters], initializerSpec(stringOption(options, "bias_initializer")), regularizerOption(options, "bias_regularizer")),
    );
  }
  return { outputs: [{ dtype: "float32", shape: [batch, length, filters] }], weights };
}

/** TensorFlow and TensorFlow.js convolve with strides or with dilation, never both at once. */
function supportedWindow(ctx: InferContext): boolean {
  const strides = windowOption(ctx.options, "strides");
  const dilation = windowOption(ctx.options, "dilation_rate");
  if (strides === 1 || dilation === 1) return true;
  ctx.error(
    "UnsupportedOption",
    `${layerSubject(TYPE, ctx.layerName)}: strides=${strides} with dilation_rate=${dilation} is not supported; TensorFlow.js convolves with strides or with dilation, not both`,
    { option: "dilation_rate" },
  );
  return false;
}

function conv1dConfig(options: Options): Record<string, unknown> {
  const padding = paddingOption(options);
  return {
    filters: numberOption(options, "filters"),
    kernelSize: windowOption(options, "kernel_size"),
    strides: windowOption(options, "strides"),
    // CausalConv1D pads by itself; its config has no padding.
    ...(padding === "causal" ? {} : { padding }),
    dilationRate: windowOption(options, "dilation_rate"),
    activation: tfjsActivation(nullableStringOption(options, "activation")),
    useBias: booleanOption(options, "use_bias"),
    kernelInitializer: tfjsInitializer(stringOption(options, "kernel_initializer")),
    biasInitializer: tfjsInitializer(stringOption(options, "bias_initializer")),
    kernelRegularizer: tfjsRegularizer(regularizerOption(options, "kernel_regularizer")),
    biasRegularizer: tfjsRegularizer(regularizerOption(options, "bias_regularizer")),
  };
}
