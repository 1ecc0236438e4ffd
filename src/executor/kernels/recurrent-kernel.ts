import type { MemoryViews } from "./memory-views.js";

/** Kernel functions for the recurrent layers beyond the LSTM step (GRU, masked steps, initial states): exported by assembly/recurrence.as, mirrored here in JavaScript. */
export interface RecurrentFunctions {}

/** The JavaScript kernel's RecurrentFunctions. */
export function jsRecurrentFunctions(_memory: MemoryViews): RecurrentFunctions {
  return {};
}
