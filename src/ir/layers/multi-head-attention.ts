import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { InitializerSpec, Options, WeightSpec } from "../types.js";
import { attentionCallConfig, attentionCallOptions } from "./attention-options.js";
import { attentionShapes, requireKnownSize } from "./attention-shapes.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { booleanOption, nullableNumberOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { flag, initializer, optionSchema, positiveInteger, regularizer } from "./schema-parts.js";
import { weight } from "./weights.js";

const TYPE = "MultiHeadAttention";

/**
 * Keras's MultiHeadAttention (Vaswani 2017), applied as mha(query, value) or
 * mha(query, value, key): query, key and value are each projected to num_heads heads
 * (key_dim, key_dim and value_dim wide), every head attends with scaled dot products, and the
 * heads are projected back to output_shape (default the query's features). Each input has its
 * own projection, so their feature sizes may differ; key and value must have one length.
 * Weights in Keras's order and names: query, key, value, attention_output; kernel then bias.
 */
export const multiHeadAttention: LayerDefinition = {
  type: TYPE,
  family: "attention",
  summary: "Multi-head scaled dot-product attention with learned query, key, value and output projections.",
  positional: ["num_heads", "key_dim"],
  options: optionSchema(
    {
      num_heads: positiveInteger(),
      key_dim: positiveInteger(),
      value_dim: { type: ["integer", "null"], minimum: 1, default: null },
      use_bias: flag(true),
      output_shape: { type: ["integer", "array", "null"], minimum: 1, items: { type: "integer", minimum: 1 }, minItems: 1, default: null },
      kernel_initializer: initializer("glorot_uniform"),
      bias_initializer: initializer("zeros"),
      kernel_regularizer: regularizer(),
      bias_regularizer: regularizer(),
      ...attentionCallOptions,
    },
    ["num_heads", "key_dim"],
  ),
  inputs: { min: 2, max: 3 },
  infer: inferMultiHeadAttention,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      numHeads: numberOption(options, "num_heads"),
      keyDim: numberOption(options, "key_dim"),
      valueDim: valueDim(options),
      useBias: booleanOption(options, "use_bias"),
      outputShape: outputShapeOption(options),
      kernelInitializer: tfjsInitializer(stringOption(options, "kernel_initializer")),
      biasInitializer: tfjsInitializer(stringOption(options, "bias_initializer")),
      kernelRegularizer: tfjsRegularizer(regularizerOption(options, "kernel_regularizer")),
      biasRegularizer: tfjsRegularizer(regularizerOption(options, "bias_regularizer")),
      ...attentionCallConfig(options),
    },
  }),
};

function inferMultiHeadAttention(ctx: InferContext): Inference | undefined {
  const shapes = attentionShapes(ctx, TYPE);
  if (!shapes) return undefined;
  const queryFeatures = requireKnownSize(ctx, TYPE, 0, shapes.queryFeatures, "query");
  if (queryFeatures === undefined) return undefined;
  const keyFeatures = requireKnownSize(ctx, TYPE, shapes.keyIndex, shapes.keyFeatures, "key");
  if (keyFeatures === undefined) return undefined;
  const valueFeatures = requireKnownSize(ctx, TYPE, 1, shapes.valueFeatures, "value");
  if (valueFeatures === undefined) return undefined;

  const options = ctx.options;
  const heads = numberOption(options, "num_heads");
  const keyDim = numberOption(options, "key_dim");
  const valueWidth = valueDim(options);
  const out = outputShapeOption(options) ?? [queryFeatures];
  const kernelInit = initializerSpec(stringOption(options, "kernel_initializer"));
  const biasInit = initializerSpec(stringOption(options, "bias_initializer"));
  const projection = (name: string, kernel: number[], bias: number[]): WeightSpec[] =>
    dense(name, kernel, bias, kernelInit, biasInit, options);
  const weights = [
    ...projection("query", [queryFeatures, heads, keyDim], [heads, keyDim]),
    ...projection("key", [keyFeatures, heads, keyDim], [heads, keyDim]),
    ...projection("value", [valueFeatures, heads, valueWidth], [heads, valueWidth]),
    ...projection("attention_output", [heads, valueWidth, ...out], out),
  ];
  const [batch] = shapes.leading;
  const outputs = [{ dtype: "float32" as const, shape: [batch, shapes.queryLength, ...out] }];
  if (booleanOption(options, "return_attention_scores")) {
    outputs.push({ dtype: "float32", shape: [batch, heads, shapes.queryLength, shapes.valueLength] });
  }
  return { outputs, weights };
}

/** One projection (Keras's EinsumDense): `name/kernel`, and `name/bias` with use_bias. */
function dense(name: string, kernel: number[], bias: number[], kernelInit: InitializerSpec, biasInit: InitializerSpec, options: Options): WeightSpec[] {
  const weights = [weight(`${name}/kernel`, kernel, { ...kernelInit }, regularizerOption(options, "kernel_regularizer"))];
  if (booleanOption(options, "use_bias")) weights.push(weight(`${name}/bias`, bias, { ...biasInit }, regularizerOption(options, "bias_regularizer")));
  return weights;
}

/** value_dim defaults to key_dim (Keras). */
function valueDim(options: Options): number {
  return nullableNumberOption(options, "value_dim") ?? numberOption(options, "key_dim");
}

/** output_shape as a list (Keras takes an integer or a list), or null for the query's features. */
function outputShapeOption(options: Options): number[] | null {
  const value = options.output_shape;
  if (value === null) return null;
  if (typeof value === "number") return [value];
  if (Array.isArray(value) && value.every((v): v is number => typeof v === "number")) return value;
  throw new Error(`option 'output_shape' should be an integer or a list of integers after validation, but is ${JSON.stringify(value)}`);
}
