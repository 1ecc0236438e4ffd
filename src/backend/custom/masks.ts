import type { Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";

/**
 * Keras masks (bool, [batch, time]; Embedding(mask_zero=true) makes them) as a layer's call
 * gets them in `kwargs.mask`: one per input, null where an input has none, when the layer is
 * applied directly; the first input's alone, as one tensor, when a tfjs model runs it (tfjs's
 * executor passes no more). computeMask always gets one per input.
 */

export type Kwargs = Record<string, unknown>;

/** tfjs's typings leave out null, which is what it passes and expects for "no mask". */
type MaybeMask = Tensor | null;

/** "No mask" where tfjs's typings want a Tensor: the attention weights output has none. */
export const NO_MASK = null as unknown as Tensor;

/** Input `index`'s mask as float32 (1 keep, 0 padding), or null. */
export function inputMask(tf: Tf, kwargs: Kwargs, index: number): Tensor | null {
  const masks = kwargs.mask;
  const mask = Array.isArray(masks) ? (masks[index] as MaybeMask | undefined) : index === 0 ? (masks as MaybeMask | undefined) : null;
  return mask ? tf.cast(mask, "float32") : null;
}

/** The mask of the first input (the query), to pass on as the output's mask. */
export function firstMask(mask: Tensor | Tensor[] | undefined): Tensor {
  const first: MaybeMask | undefined = Array.isArray(mask) ? mask[0] : mask;
  return first ?? NO_MASK;
}
