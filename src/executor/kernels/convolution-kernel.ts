import type { MemoryViews } from "./memory-views.js";

/** Kernel functions for Conv1D and the 1D poolings: exported by assembly/convolution.as, mirrored here in JavaScript. */
export interface ConvolutionFunctions {}

/** The JavaScript kernel's ConvolutionFunctions. */
export function jsConvolutionFunctions(_memory: MemoryViews): ConvolutionFunctions {
  return {};
}
