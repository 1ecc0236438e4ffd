import { element, type MemoryViews } from "./memory-views.js";

/** Keras's stand-in for −∞: masked scores get it added before the softmax. */
export const LARGE_NEGATIVE = -1e9;

/** Kernel functions for the attention layers: exported by assembly/attention.as, mirrored here in JavaScript. */
export interface AttentionFunctions {
  /**
   * c(s, h)[i, j] = Σ_k a(s, h)[i, k] · b(s, h)[k, j] for s < batch, h < heads, every operand
   * strided (elements): a at a + s·aBatch + h·aHead + i·aRow + k·aK, b at b + s·bBatch + h·bHead +
   * k·bK + j·bColumn, c at c + s·cBatch + h·cHead + i·cRow + j. Heads are read and written in place.
   */
  headsMatmul(
    a: number, aBatch: number, aHead: number, aRow: number, aK: number,
    b: number, bBatch: number, bHead: number, bK: number, bColumn: number,
    c: number, cBatch: number, cHead: number, cRow: number,
    batch: number, heads: number, m: number, n: number, k: number,
  ): void;
  /**
   * In place, for each row x(s, h)[i, :] of `length` scores (rows `length` apart, at x + s·xBatch +
   * h·xHead): x·factor, plus (1 − keep)·(−1e9) where keep is rowMask(s, i) (at rowMask + s·maskBatch + i;
   * rowMask 0: 1) times, with causal, 0 for j > firstRow + i; then the softmax of the row. Float32
   * steps in tfjs-layers' order, so fully masked rows come out as the Layers model's (uniform when
   * the scores are small); masked steps of other rows weigh exactly 0.
   */
  maskedSoftmax(
    x: number, xBatch: number, xHead: number, batch: number, heads: number, rows: number, length: number,
    factor: number, rowMask: number, maskBatch: number, causal: number, firstRow: number,
  ): void;
  /**
   * c(s)[i, j] = outer · Σ_d w[d] · tanh(inner · (q(s)[i, d] + k(s)[j, d])) (w 0: all ones); q at
   * q + s·qBatch + i·qRow + d, k at k + s·kBatch + j·kRow + d, c at c + s·cBatch + i·cRow + j.
   */
  additiveScores(
    q: number, qBatch: number, qRow: number, k: number, kBatch: number, kRow: number,
    w: number, inner: number, outer: number, c: number, cBatch: number, cRow: number,
    batch: number, m: number, n: number, d: number,
  ): void;
  /** x(s)[i, :] ·= mask(s)[i] for `rows` rows of `width`: x at x + s·xBatch + i·ldx, mask at mask + s·maskBatch + i. */
  maskRows(x: number, xBatch: number, ldx: number, mask: number, maskBatch: number, batch: number, rows: number, width: number): void;
}

/** The JavaScript kernel's AttentionFunctions: sums in double precision, stored as float32. */
export function jsAttentionFunctions(memory: MemoryViews): AttentionFunctions {
  return {
    headsMatmul(a, aBatch, aHead, aRow, aK, b, bBatch, bHead, bK, bColumn, c, cBatch, cHead, cRow, batch, heads, m, n, k) {
      const f = memory.f32;
      for (let s = 0; s < batch; s++) {
        for (let h = 0; h < heads; h++) {
          const [as, bs, cs] = [element(a) + s * aBatch + h * aHead, element(b) + s * bBatch + h * bHead, element(c) + s * cBatch + h * cHead];
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let sum = 0;
              for (let kk = 0; kk < k; kk++) sum += f[as + i * aRow + kk * aK]! * f[bs + kk * bK + j * bColumn]!;
              f[cs + i * cRow + j] = sum;
            }
          }
        }
      }
    },
    maskedSoftmax(x, xBatch, xHead, batch, heads, rows, length, factor, rowMask, maskBatch, causal, firstRow) {
      const f = memory.f32;
      const factor32 = Math.fround(factor);
      for (let s = 0; s < batch; s++) {
        for (let h = 0; h < heads; h++) {
          for (let i = 0; i < rows; i++) {
            const row = element(x) + s * xBatch + h * xHead + i * length;
            const keep = rowMask ? f[element(rowMask) + s * maskBatch + i]! : 1;
            const last = causal ? firstRow + i : length;
            let top = -Infinity;
            for (let j = 0; j < length; j++) {
              const penalty = Math.fround((1 - (j > last ? 0 : keep)) * LARGE_NEGATIVE);
              // Rounded to float32 at each step as tfjs stores it: −1e9 swallows small scores alike.
              const value = Math.fround(Math.fround(f[row + j]! * factor32) + penalty);
              f[row + j] = value;
              top = Math.max(top, value);
            }
            let sum = 0;
            for (let j = 0; j < length; j++) sum += Math.exp(f[row + j]! - top);
            for (let j = 0; j < length; j++) f[row + j] = Math.exp(f[row + j]! - top) / sum;
          }
        }
      }
    },
    additiveScores(q, qBatch, qRow, k, kBatch, kRow, w, inner, outer, c, cBatch, cRow, batch, m, n, d) {
      const f = memory.f32;
      for (let s = 0; s < batch; s++) {
        for (let i = 0; i < m; i++) {
          const qi = element(q) + s * qBatch + i * qRow;
          for (let j = 0; j < n; j++) {
            const kj = element(k) + s * kBatch + j * kRow;
            let sum = 0;
            for (let dd = 0; dd < d; dd++) sum += (w ? f[element(w) + dd]! : 1) * Math.tanh(inner * (f[qi + dd]! + f[kj + dd]!));
            f[element(c) + s * cBatch + i * cRow + j] = outer * sum;
          }
        }
      }
    },
    maskRows(x, xBatch, ldx, mask, maskBatch, batch, rows, width) {
      const f = memory.f32;
      for (let s = 0; s < batch; s++) {
        for (let i = 0; i < rows; i++) {
          const keep = f[element(mask) + s * maskBatch + i]!;
          const row = element(x) + s * xBatch + i * ldx;
          for (let j = 0; j < width; j++) f[row + j]! *= keep;
        }
      }
    },
  };
}
