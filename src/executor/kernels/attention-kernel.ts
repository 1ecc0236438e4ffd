import type { MemoryViews } from "./memory-views.js";

/** Kernel functions for the attention layers: exported by assembly/attention.as, mirrored here in JavaScript. */
export interface AttentionFunctions {}

/** The JavaScript kernel's AttentionFunctions. */
export function jsAttentionFunctions(_memory: MemoryViews): AttentionFunctions {
  return {};
}
