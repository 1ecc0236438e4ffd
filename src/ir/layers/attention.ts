import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { WeightSpec } from "../types.js";
import { attentionCallConfig, attentionCallOptions } from "./attention-options.js";
import { attentionOutputs, attentionShapes, requireKnownSize, requireMatchingQueryKey } from "./attention-shapes.js";
import { initializerSpec } from "./initializers.js";
import { booleanOption, stringOption } from "./option-values.js";
import { flag, optionSchema } from "./schema-parts.js";
import { weight } from "./weights.js";

/**
 * Keras's Attention (Luong-style dot-product scores) and AdditiveAttention (Bahdanau-style):
 * each query step gets a softmax-weighted average of the value steps, weighted by how well
 * the query matches each key. tfjs-layers has neither: they lower to nnspec's own tfjs layers
 * of the same names (src/backend/custom).
 */
export const attention: LayerDefinition = {
  type: "Attention",
  family: "attention",
  summary: "Dot-product attention (Luong): softmax(query·keyᵀ)·value; score_mode concat scores with tanh(query + key).",
  positional: [],
  options: optionSchema({ use_scale: flag(false), score_mode: { enum: ["dot", "concat"], default: "dot" }, ...attentionCallOptions }),
  inputs: { min: 2, max: 3 },
  infer: inferAttention,
  toTfjs: ({ name, options }) => ({
    className: "Attention",
    config: { name, useScale: booleanOption(options, "use_scale"), scoreMode: stringOption(options, "score_mode"), ...attentionCallConfig(options) },
  }),
};

function inferAttention(ctx: InferContext): Inference | undefined {
  const shapes = attentionShapes(ctx, "Attention");
  if (!shapes) return undefined;
  const concat = stringOption(ctx.options, "score_mode") === "concat";
  const why = concat ? "concat scores add query and key vectors" : "dot-product scores need query and key vectors of one size";
  if (!requireMatchingQueryKey(ctx, "Attention", shapes, why)) return undefined;
  // Scalars, as Keras creates them: a learned temperature, and the weight of the concat score.
  const weights: WeightSpec[] = [];
  if (booleanOption(ctx.options, "use_scale")) weights.push(weight("scale", [], initializerSpec("ones"), null));
  if (concat) weights.push(weight("concat_score_weight", [], initializerSpec("ones"), null));
  return { outputs: attentionOutputs(shapes, booleanOption(ctx.options, "return_attention_scores")), weights };
}

export const additiveAttention: LayerDefinition = {
  type: "AdditiveAttention",
  family: "attention",
  summary: "Additive attention (Bahdanau): scores sum(scale·tanh(query + key)), then a softmax-weighted average of the value.",
  positional: [],
  options: optionSchema({ use_scale: flag(true), ...attentionCallOptions }),
  inputs: { min: 2, max: 3 },
  infer: inferAdditiveAttention,
  toTfjs: ({ name, options }) => ({
    className: "AdditiveAttention",
    config: { name, useScale: booleanOption(options, "use_scale"), ...attentionCallConfig(options) },
  }),
};

function inferAdditiveAttention(ctx: InferContext): Inference | undefined {
  const shapes = attentionShapes(ctx, "AdditiveAttention");
  if (!shapes || !requireMatchingQueryKey(ctx, "AdditiveAttention", shapes, "additive scores add query and key vectors")) return undefined;
  const weights: WeightSpec[] = [];
  if (booleanOption(ctx.options, "use_scale")) {
    const features = requireKnownSize(ctx, "AdditiveAttention", 0, shapes.queryFeatures, "query");
    if (features === undefined) return undefined;
    weights.push(weight("scale", [features], initializerSpec("glorot_uniform"), null));
  }
  return { outputs: attentionOutputs(shapes, booleanOption(ctx.options, "return_attention_scores")), weights };
}
