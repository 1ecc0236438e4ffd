import type { LayerLowering } from "./lowering.js";

/** Conv1D and the 1D poolings. */
export const CONVOLUTION_LOWERINGS: readonly LayerLowering[] = [];
