import { ATTENTION_LOWERINGS } from "./attention.js";
import { CONVOLUTION_LOWERINGS } from "./convolution.js";
import { CORE_LOWERINGS } from "./core.js";
import { LAYOUT_LOWERINGS } from "./layout.js";
import type { LayerLowering } from "./lowering.js";
import { NORMALIZATION_LOWERINGS } from "./normalization.js";
import { RECURRENT_LOWERINGS } from "./recurrent.js";

export type { LayerLowering, LoweringContext, NodeView } from "./lowering.js";

/** Every layer type the executor runs, by Keras class name. */
export const LOWERINGS: ReadonlyMap<string, LayerLowering> = new Map(
  [...CORE_LOWERINGS, ...RECURRENT_LOWERINGS, ...CONVOLUTION_LOWERINGS, ...LAYOUT_LOWERINGS, ...NORMALIZATION_LOWERINGS, ...ATTENTION_LOWERINGS]
    .flatMap((lowering) => lowering.types.map((type) => [type, lowering] as const)),
);
