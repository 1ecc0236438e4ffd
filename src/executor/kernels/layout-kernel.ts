import type { MemoryViews } from "./memory-views.js";

/** Kernel functions for moving values (transpose, repeat, slices) and normalisation: exported by assembly/layout.as, mirrored here in JavaScript. */
export interface LayoutFunctions {}

/** The JavaScript kernel's LayoutFunctions. */
export function jsLayoutFunctions(_memory: MemoryViews): LayoutFunctions {
  return {};
}
