import type { LayerLowering } from "./lowering.js";

/** Attention, AdditiveAttention, LuongAttention, ScaledDotProductAttention, MultiHeadAttention. */
export const ATTENTION_LOWERINGS: readonly LayerLowering[] = [];
