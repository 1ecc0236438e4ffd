import { BackendError } from "../../backend/errors.js";
import type { Arena } from "../plan/arena.js";

/**
 * Checks that every token ID in an int32 buffer is inside [0, vocabulary) before a lookup
 * reads it: an ID out of range is the user's error (NN6005), never silently clipped.
 */
export function checkIds(arena: Arena, pointer: number, shape: readonly number[], vocabulary: number, value: string, layer: string): void {
  const ids = arena.i32;
  const start = pointer >> 2;
  const count = shape.reduce((a, b) => a * b, 1);
  for (let i = 0; i < count; i++) {
    const id = ids[start + i]!;
    if (id >= 0 && id < vocabulary) continue;
    throw new BackendError(
      "TokenOutOfVocabulary",
      `token ID ${id} at [${indexOf(i, shape).join(", ")}] of '${value}' is outside the vocabulary of layer '${layer}' (IDs 0 to ${vocabulary - 1})`,
    );
  }
}

function indexOf(flat: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(flat % shape[axis]!);
    flat = Math.floor(flat / shape[axis]!);
  }
  return index;
}
