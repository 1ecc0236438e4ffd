import { describeInput, layerSubject } from "../describe.js";
import { formatDim } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { tfjsActivation } from "./activation-names.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { requireFloat, requireKnownFeatures, requireMinRank } from "./input-checks.js";
import {
  booleanOption,
  nullableDimListOption,
  nullableNumberOption,
  nullableStringOption,
  numberOption,
  regularizerOption,
  stringOption,
} from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { activation, flag, initializer, optionSchema, positiveInteger, rate, regularizer } from "./schema-parts.js";
import { warnSoftmaxOverSizeOne } from "./softmax-check.js";
import { rejectActivityRegularizer } from "./unsupported-options.js";
import { weight } from "./weights.js";

/** Keras's Dense: output = activation(input · kernel + bias), applied to the last axis of any rank ≥ 2 input. */
export const dense: LayerDefinition = {
  type: "Dense",
  family: "core",
  summary: "Fully-connected layer on the last axis: activation(x·kernel + bias).",
  positional: ["units", "activation"],
  options: optionSchema(
    {
      units: positiveInteger(),
      activation: activation(null),
      use_bias: flag(true),
      kernel_initializer: initializer("glorot_uniform"),
      bias_initializer: initializer("zeros"),
      kernel_regularizer: regularizer(),
      bias_regularizer: regularizer(),
      activity_regularizer: regularizer(),
    },
    ["units"],
  ),
  inputs: { min: 1, max: 1 },
  infer: inferDense,
  toTfjs: ({ name, options }) => ({
    className: "Dense",
    config: {
      name,
      units: numberOption(options, "units"),
      activation: tfjsActivation(nullableStringOption(options, "activation")),
      useBias: booleanOption(options, "use_bias"),
      kernelInitializer: tfjsInitializer(stringOption(options, "kernel_initializer")),
      biasInitializer: tfjsInitializer(stringOption(options, "bias_initializer")),
      kernelRegularizer: tfjsRegularizer(regularizerOption(options, "kernel_regularizer")),
      biasRegularizer: tfjsRegularizer(regularizerOption(options, "bias_regularizer")),
    },
  }),
};

function inferDense(ctx: InferContext): Inference | undefined {
  const ok =
    rejectActivityRegularizer(ctx, "Dense") && requireMinRank(ctx, "Dense", 0, 2, "[batch, …, features]") && requireFloat(ctx, "Dense", 0);
  if (!ok) return undefined;
  const features = requireKnownFeatures(ctx, "Dense", 0);
  if (features === undefined) return undefined;
  const options = ctx.options;
  const units = numberOption(options, "units");
  const shape = [...ctx.inputs[0].type.shape.slice(0, -1), units];
  if (nullableStringOption(options, "activation") === "softmax") warnSoftmaxOverSizeOne(ctx, "Dense", shape, -1, "activation");
  const weights = [
    weight(
      "kernel",
      [features, units],
      initializerSpec(stringOption(options, "kernel_initializer")),
      regularizerOption(options, "kernel_regularizer"),
    ),
  ];
  if (booleanOption(options, "use_bias")) {
    weights.push(
      weight("bias", [units], initializerSpec(stringOption(options, "bias_initializer")), regularizerOption(options, "bias_regularizer")),
    );
  }
  return { outputs: [{ dtype: "float32", shape }], weights };
}

/** Keras's Dropout: zeroes a fraction `rate` of the inputs while training; the shape is unchanged. */
export const dropout: LayerDefinition = {
  type: "Dropout",
  family: "core",
  summary: "Randomly sets a fraction `rate` of the inputs to 0 while training (identity at inference).",
  positional: ["rate", "noise_shape", "seed"],
  options: optionSchema(
    {
      rate: rate(),
      noise_shape: { type: ["array", "null"], items: { type: ["integer", "null"], minimum: 1 }, default: null },
      seed: { type: ["integer", "null"], default: null },
    },
    ["rate"],
  ),
  inputs: { min: 1, max: 1 },
  infer: inferDropout,
  toTfjs: ({ name, options }) => ({
    className: "Dropout",
    config: {
      name,
      rate: numberOption(options, "rate"),
      noiseShape: nullableDimListOption(options, "noise_shape"),
      seed: nullableNumberOption(options, "seed"),
    },
  }),
};

function inferDropout(ctx: InferContext): Inference | undefined {
  const input = ctx.inputs[0];
  const noiseShape = nullableDimListOption(ctx.options, "noise_shape");
  if (noiseShape !== null && !noiseShapeFits(ctx, noiseShape)) return undefined;
  return { outputs: [{ dtype: input.type.dtype, shape: [...input.type.shape] }], weights: [] };
}

/** A noise shape has one entry per input axis, each 1 (shared mask), none, or the input's size. */
function noiseShapeFits(ctx: InferContext, noiseShape: (number | null)[]): boolean {
  const input = ctx.inputs[0];
  const shape = input.type.shape;
  const subject = layerSubject("Dropout", ctx.layerName);
  const given = `[${noiseShape.map(formatDim).join(", ")}]`;
  if (noiseShape.length !== shape.length) {
    ctx.error(
      "RankMismatch",
      `${subject}: noise_shape ${given} has ${noiseShape.length} entries, but ${describeInput(input)} has ${shape.length} axes`,
      { option: "noise_shape" },
    );
    return false;
  }
  const axis = noiseShape.findIndex((n, i) => n !== null && n !== 1 && typeof shape[i] === "number" && n !== shape[i]);
  if (axis < 0) return true;
  ctx.error(
    "ShapeMismatch",
    `${subject}: noise_shape ${given} has ${noiseShape[axis]} at axis ${axis}, but ${describeInput(input)} has ${formatDim(shape[axis])} there; use 1 to share the mask along an axis`,
    { option: "noise_shape" },
  );
  return false;
}
