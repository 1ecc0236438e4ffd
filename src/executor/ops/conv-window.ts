import { BackendError } from "../../backend/errors.js";
import type { Padding } from "../../ir/layers/conv-output-length.js";
import { windowSpan } from "../../ir/layers/conv-output-length.js";

/** How a sliding window of taps moves along a sequence: Conv1D's kernel or a pooling window. */
export interface SlidingWindow {
  size: number;
  stride: number;
  dilation: number;
  padding: Padding;
}

/** Where the windows fall on a sequence of a concrete length. */
export interface WindowPlacement {
  outLength: number;
  /** Steps of padding before the sequence: window t starts at t·stride − padBefore. */
  padBefore: number;
}

/**
 * TensorFlow.js's placement (conv_util's getPadAndOutInfo, on the dilated span): "valid" keeps
 * the windows that fit; "same" keeps ceil(length / stride) windows and puts the smaller half of
 * the padding first; "causal" (nnspec's CausalConv1D) pads span − 1 steps before, none after.
 */
export function placeWindows(window: SlidingWindow, length: number, layer: string): WindowPlacement {
  const span = windowSpan(window.size, window.dilation);
  const stride = window.stride;
  if (window.padding === "causal") return { outLength: Math.ceil(length / stride), padBefore: span - 1 };
  if (window.padding === "same") {
    const outLength = Math.ceil(length / stride);
    return { outLength, padBefore: Math.floor(Math.max(0, (outLength - 1) * stride + span - length) / 2) };
  }
  if (length < span) {
    throw new BackendError("InputShapeMismatch", `layer '${layer}': its window spans ${span} steps, more than the ${length} steps of its input (padding "valid")`);
  }
  return { outLength: Math.ceil((length - span + 1) / stride), padBefore: 0 };
}
