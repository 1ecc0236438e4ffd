import { packedSize, packInto, paddedSize } from "../kernels/pack.js";
import type { Arena } from "./arena.js";

/** A [k, n] matrix packed in the arena for gemm's b operand. */
export interface PackedMatrix {
  pointer: number;
  k: number;
  n: number;
}

/** Column blocks of row-major matrices [k, stride], packed side by side as one [k, Σ n] matrix. */
export interface ColumnBlock {
  values: Float32Array;
  stride: number;
  from: number;
  n: number;
}

/** Packs a row-major [k, n] matrix into the arena. */
export function placeMatrix(arena: Arena, values: Float32Array, k: number, n: number): PackedMatrix {
  return placeBlocks(arena, k, [{ values, stride: n, from: 0, n }]);
}

/**
 * Packs column blocks side by side as one matrix: e.g. both directions' kernels of a
 * Bidirectional, so that one product computes both input projections.
 */
export function placeBlocks(arena: Arena, k: number, blocks: readonly ColumnBlock[]): PackedMatrix {
  const n = blocks.reduce((sum, block) => sum + block.n, 0);
  const joined = new Float32Array(k * n);
  let column = 0;
  for (const block of blocks) {
    for (let row = 0; row < k; row++) {
      joined.set(block.values.subarray(row * block.stride + block.from, row * block.stride + block.from + block.n), row * n + column);
    }
    column += block.n;
  }
  const pointer = arena.reserve(packedSize(k, n));
  packInto(arena.f32, pointer >> 2, joined, k, n);
  return { pointer, k, n };
}

/** A bias vector (or several joined), zero-padded to whole panels. */
export function placeVector(arena: Arena, ...parts: Float32Array[]): number {
  const n = parts.reduce((sum, part) => sum + part.length, 0);
  const pointer = arena.reserve(paddedSize(n));
  let at = pointer >> 2;
  for (const part of parts) {
    arena.f32.set(part, at);
    at += part.length;
  }
  return pointer;
}

/** A plain row-major array (an embedding table) copied into the arena. */
export function placeArray(arena: Arena, values: Float32Array): number {
  const pointer = arena.reserve(values.length);
  arena.f32.set(values, pointer >> 2);
  return pointer;
}
