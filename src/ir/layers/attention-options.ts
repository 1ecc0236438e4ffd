import type { Options } from "../types.js";
import { booleanOption, numberOption } from "./option-values.js";
import { flag, rate } from "./schema-parts.js";

/**
 * Options every attention layer over (query, value[, key]) takes. Keras passes the last two
 * when calling the layer (`attention([q, v], use_causal_mask=True)`); nnspec applies layers
 * to tensors only, so they are constructor options here.
 */
export const attentionCallOptions = {
  /** Fraction of the attention weights dropped while training. */
  dropout: rate(0),
  /** Step i of the query attends only to steps ≤ i of the value (decoder self-attention). */
  use_causal_mask: flag(false),
  /** Also return the attention weights, as a second output. */
  return_attention_scores: flag(false),
};

/** The tfjs config of attentionCallOptions. */
export function attentionCallConfig(options: Options): Record<string, unknown> {
  return {
    dropout: numberOption(options, "dropout"),
    useCausalMask: booleanOption(options, "use_causal_mask"),
    returnAttentionScores: booleanOption(options, "return_attention_scores"),
  };
}
