import type { LayerLowering } from "./lowering.js";

/** LayerNormalization, BatchNormalization and the position embeddings. */
export const NORMALIZATION_LOWERINGS: readonly LayerLowering[] = [];
