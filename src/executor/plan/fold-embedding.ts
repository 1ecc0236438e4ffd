import { ACTIVATION_CODES, type ActivationCode } from "../kernels/codes.js";
import type { KernelFunctions } from "../kernels/kernel.js";
import type { LookupTable } from "../ops/lookup-op.js";
import type { Arena } from "./arena.js";
import type { PackedMatrix } from "./place-weights.js";

/** The largest table a fold may make (floats): 64 MiB. Beyond it, the product per call is kept. */
export const MAX_FOLDED_FLOATS = 16 * 1024 * 1024;

/**
 * Constant folding of an Embedding into the linear map after it: looking up row id of E and
 * then multiplying by W (plus bias, then an element-wise or row-wise activation) is looking up
 * row id of act(E·W + b), a table computed once here, with the same kernel and the same sums
 * the per-call product would do. An RNN's input projection folds the same way.
 */
export function foldEmbedding(
  kernel: KernelFunctions,
  arena: Arena,
  embedding: LookupTable,
  weights: PackedMatrix,
  bias: number,
  activation: ActivationCode = ACTIVATION_CODES.linear,
): LookupTable {
  const width = weights.n;
  const pointer = arena.reserve(embedding.rows * width);
  const rowwise = activation === ACTIVATION_CODES.softmax || activation === ACTIVATION_CODES.log_softmax;
  kernel.gemm(embedding.pointer, embedding.width, weights.pointer, bias, 0, 0, pointer, width, embedding.rows, width, weights.k, rowwise ? 0 : activation);
  if (rowwise) kernel.activateRows(pointer, width, pointer, width, embedding.rows, width, activation);
  return { pointer, rows: embedding.rows, width };
}

/** Whether folding this embedding into a map of `width` columns stays within the table budget. */
export function foldFits(embedding: LookupTable, width: number): boolean {
  return embedding.rows * width <= MAX_FOLDED_FLOATS;
}
