import { subtractDims } from "../dims.js";
import type { Dim } from "../types.js";

export type Padding = "valid" | "same" | "causal";

/**
 * Keras's conv_output_length: the length of a sequence after a window of `size` taps, spaced
 * `dilation` apart, slides over it `stride` steps at a time. "same" and "causal" pad the input
 * to keep every step; "valid" keeps only the windows that fit. A symbolic length stays exact
 * without striding; with striding it is a ceiling division, which a linear dim cannot hold.
 */
export function convOutputLength(length: Dim, size: number, padding: Padding, stride: number, dilation = 1): Dim {
  if (length === null) return null;
  const span = windowSpan(size, dilation);
  const padded = padding === "valid" ? subtractDims(length, span - 1) : length;
  if (typeof padded === "number") return Math.floor((padded + stride - 1) / stride);
  return stride === 1 ? padded : null;
}

/** How many steps a dilated window covers: 3 taps at dilation 2 span 5 steps. */
export function windowSpan(size: number, dilation = 1): number {
  return size + (size - 1) * (dilation - 1);
}
