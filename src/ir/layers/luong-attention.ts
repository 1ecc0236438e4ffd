import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { attentionCallConfig, attentionCallOptions } from "./attention-options.js";
import { attentionOutputs, attentionShapes, requireKnownSize, requireMatchingQueryKey } from "./attention-shapes.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { booleanOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { initializer, optionSchema, regularizer } from "./schema-parts.js";
import { weight } from "./weights.js";

const TYPE = "LuongAttention";

/**
 * Luong et al. (2015)'s attention with the "general" score, query·W·keyᵀ, which Keras lacks:
 * the learned W ([query features, key features], named `kernel`) lets query and key differ
 * in size. score="dot" is Keras's Attention() (query·keyᵀ, no weights). Applied like Keras's
 * attention layers: (query, value) or (query, value, key).
 */
export const luongAttention: LayerDefinition = {
  type: TYPE,
  family: "attention",
  summary: "Luong attention: scores query·W·keyᵀ (score general, learned W) or query·keyᵀ (dot), softmax, then weights the value.",
  positional: ["score"],
  options: optionSchema({
    score: { enum: ["general", "dot"], default: "general" },
    kernel_initializer: initializer("glorot_uniform"),
    kernel_regularizer: regularizer(),
    ...attentionCallOptions,
  }),
  inputs: { min: 2, max: 3 },
  infer: inferLuongAttention,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      score: stringOption(options, "score"),
      kernelInitializer: tfjsInitializer(stringOption(options, "kernel_initializer")),
      kernelRegularizer: tfjsRegularizer(regularizerOption(options, "kernel_regularizer")),
      ...attentionCallConfig(options),
    },
  }),
};

function inferLuongAttention(ctx: InferContext): Inference | undefined {
  const shapes = attentionShapes(ctx, TYPE);
  if (!shapes) return undefined;
  const outputs = attentionOutputs(shapes, booleanOption(ctx.options, "return_attention_scores"));
  if (stringOption(ctx.options, "score") === "dot") {
    const why = 'score="dot" needs query and key vectors of one size (score="general" maps between sizes)';
    return requireMatchingQueryKey(ctx, TYPE, shapes, why) ? { outputs, weights: [] } : undefined;
  }
  const queryFeatures = requireKnownSize(ctx, TYPE, 0, shapes.queryFeatures, "query");
  const keyFeatures = queryFeatures === undefined ? undefined : requireKnownSize(ctx, TYPE, shapes.keyIndex, shapes.keyFeatures, "key");
  if (queryFeatures === undefined || keyFeatures === undefined) return undefined;
  const kernel = weight(
    "kernel",
    [queryFeatures, keyFeatures],
    initializerSpec(stringOption(ctx.options, "kernel_initializer")),
    regularizerOption(ctx.options, "kernel_regularizer"),
  );
  return { outputs, weights: [kernel] };
}
