import type { LayerLowering } from "./lowering.js";

/** RepeatVector, Flatten, Reshape, Permute, slicing, TimeDistributed, Rescaling. */
export const LAYOUT_LOWERINGS: readonly LayerLowering[] = [];
