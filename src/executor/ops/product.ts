import { ACTIVATION_CODES, isRowwise, type ActivationCode } from "../kernels/codes.js";
import { MIN_TASK_FLOPS, type Emitter } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";

/** c[m, n] = activation(a[m, k] · weights + bias + addend), pointers in bytes, strides in elements. */
export interface Product {
  a: number;
  lda: number;
  weights: PackedMatrix;
  /** 0: none. */
  bias: number;
  /** 0: none. */
  addend: number;
  ldAdd: number;
  c: number;
  ldc: number;
  m: number;
  activation: ActivationCode;
}

/** Tasks per product at most: enough for the threads to even out when one is slowed down. */
const TASKS = 8;

/**
 * Emits a matrix product. Fused (the default), bias, addend and an element-wise activation are
 * applied to the accumulators before they are stored: one pass over c. Unfused, the bias and
 * activation are passes of their own. With two threads, a large product is split into tasks by rows.
 */
export function emitProduct(emit: Emitter, p: Product, fuse: boolean, split = true): void {
  const tasks = Math.min(TASKS, Math.floor((2 * p.m * p.weights.k * p.weights.n) / MIN_TASK_FLOPS), Math.floor(p.m / 4));
  if (split && emit.threads > 1 && tasks > 1) {
    // Whole 4-row tiles per task.
    const rows = Math.ceil(p.m / tasks / 4) * 4;
    const parts: Product[] = [];
    for (let from = 0; from < p.m; from += rows) {
      const part = { ...p, m: Math.min(rows, p.m - from), a: p.a + from * p.lda * 4, c: p.c + from * p.ldc * 4 };
      if (p.addend) part.addend = p.addend + from * p.ldAdd * 4;
      parts.push(part);
    }
    emit.parallel(...parts.map((part) => (e: Emitter) => emitProduct(e, part, fuse, false)));
    return;
  }
  const { a, lda, weights, bias, addend, ldAdd, c, ldc, m, activation } = p;
  const { k, n } = weights;
  if (fuse) {
    const inside = isRowwise(activation) ? ACTIVATION_CODES.linear : activation;
    emit.call("gemm", a, lda, weights.pointer, bias, addend, ldAdd, c, ldc, m, n, k, inside);
    if (inside !== activation) emit.call("activateRows", c, ldc, c, ldc, m, n, activation);
    return;
  }
  emit.call("gemm", a, lda, weights.pointer, 0, addend, ldAdd, c, ldc, m, n, k, ACTIVATION_CODES.linear);
  if (bias) emit.call("addRowVector", c, ldc, bias, m, n);
  if (activation !== ACTIVATION_CODES.linear) emit.call("activateRows", c, ldc, c, ldc, m, n, activation);
}
