import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { attentionOutputs, attentionShapes, requireMatchingQueryKey } from "./attention-shapes.js";
import { booleanOption, numberOption } from "./option-values.js";
import { flag, optionSchema, rate } from "./schema-parts.js";

const TYPE = "ScaledDotProductAttention";

/**
 * The transformer's attention (Vaswani 2017), with no weights: softmax(q·kᵀ / √d_k)·v.
 * Inputs follow Keras's order, (query, value) or (query, value, key), and may carry any dims
 * between the batch and time axes ([batch, heads, time, d] for heads split by hand).
 * causal=true lets query step i see key steps ≤ i only.
 */
export const scaledDotProductAttention: LayerDefinition = {
  type: TYPE,
  family: "attention",
  summary: "softmax(query·keyᵀ/√d)·value, optionally causal; inputs (query, value[, key]) of rank 3 or more.",
  positional: [],
  options: optionSchema({ causal: flag(false), dropout: rate(0), return_attention_scores: flag(false) }),
  inputs: { min: 2, max: 3 },
  infer: inferScaledDotProductAttention,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      causal: booleanOption(options, "causal"),
      dropout: numberOption(options, "dropout"),
      returnAttentionScores: booleanOption(options, "return_attention_scores"),
    },
  }),
};

function inferScaledDotProductAttention(ctx: InferContext): Inference | undefined {
  const shapes = attentionShapes(ctx, TYPE, 3, Number.POSITIVE_INFINITY);
  if (!shapes || !requireMatchingQueryKey(ctx, TYPE, shapes, "dot-product scores need query and key vectors of one size")) return undefined;
  return { outputs: attentionOutputs(shapes, booleanOption(ctx.options, "return_attention_scores")), weights: [] };
}
