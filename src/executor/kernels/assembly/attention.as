// Kernel functions for the attention layers: products over (batch, head) pairs read in place
// with strides, the masked softmax of scores, additive (Bahdanau) scores, and row masks.
// Pointers are in bytes, counts and strides in elements. See ../attention-kernel.ts for contracts.
import { exp4, tanh4 } from "./vector-math";

/** Keras's stand-in for −∞: masked scores get it added before the softmax. */
const LARGE_NEGATIVE: f32 = -1e9;

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

@inline function horizontalMax(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}

/** Lane i of the result is the sum of the lanes of vector i: four dot products finished at once. */
@inline function sum4(s0: v128, s1: v128, s2: v128, s3: v128): v128 {
  const u01 = f32x4.add(i32x4.shuffle(s0, s1, 0, 4, 1, 5), i32x4.shuffle(s0, s1, 2, 6, 3, 7));
  const u23 = f32x4.add(i32x4.shuffle(s2, s3, 0, 4, 1, 5), i32x4.shuffle(s2, s3, 2, 6, 3, 7));
  return f32x4.add(i32x4.shuffle(u01, u23, 0, 1, 4, 5), i32x4.shuffle(u01, u23, 2, 3, 6, 7));
}

/**
 * c(s, h)[i, j] = Σ_k a(s, h)[i, k] · b(s, h)[k, j], every operand strided. Weighted sums
 * (b's rows contiguous along j) go four rows by eight columns at a time; scores (a's and b's
 * vectors contiguous along k) two rows by four columns, each loaded vector used twice or more.
 */
export function headsMatmul(
  a: usize, aBatch: i32, aHead: i32, aRow: i32, aK: i32,
  b: usize, bBatch: i32, bHead: i32, bK: i32, bColumn: i32,
  c: usize, cBatch: i32, cHead: i32, cRow: i32,
  batch: i32, heads: i32, m: i32, n: i32, k: i32,
): void {
  for (let s = 0; s < batch; s++) {
    for (let h = 0; h < heads; h++) {
      const as = at(a, s * aBatch + h * aHead);
      const bs = at(b, s * bBatch + h * bHead);
      const cs = at(c, s * cBatch + h * cHead);
      if (bColumn == 1) {
        let i = 0;
        for (; i + 4 <= m; i += 4) fourRowsTimesMatrix(at(as, i * aRow), aRow, aK, bs, bK, at(cs, i * cRow), cRow, n, k);
        for (; i < m; i++) rowTimesMatrix(at(as, i * aRow), aK, bs, bK, at(cs, i * cRow), n, k);
      } else if (aK == 1 && bK == 1) {
        let i = 0;
        for (; i + 2 <= m; i += 2) twoRowsTimesRows(at(as, i * aRow), aRow, bs, bColumn, at(cs, i * cRow), cRow, n, k);
        for (; i < m; i++) rowTimesRows(at(as, i * aRow), bs, bColumn, at(cs, i * cRow), n, k);
      } else {
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let sum: f32 = 0;
            for (let kk = 0; kk < k; kk++) sum += load<f32>(at(as, i * aRow + kk * aK)) * load<f32>(at(bs, kk * bK + j * bColumn));
            store<f32>(at(cs, i * cRow + j), sum);
          }
        }
      }
    }
  }
}

/** Four rows of c (cRow apart) from four rows of a (aRow apart): each row of b is loaded once for all four. */
function fourRowsTimesMatrix(a: usize, aRow: i32, aK: i32, b: usize, bK: i32, c: usize, cRow: i32, n: i32, k: i32): void {
  const a1 = at(a, aRow);
  const a2 = at(a, 2 * aRow);
  const a3 = at(a, 3 * aRow);
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
    let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
    for (let kk = 0; kk < k; kk++) {
      const row = at(b, kk * bK + j);
      const lo = v128.load(row);
      const hi = v128.load(row, 16);
      const offset = kk * aK;
      const x0 = v128.load32_splat(at(a, offset));
      const x1 = v128.load32_splat(at(a1, offset));
      const x2 = v128.load32_splat(at(a2, offset));
      const x3 = v128.load32_splat(at(a3, offset));
      s00 = f32x4.add(s00, f32x4.mul(x0, lo));
      s01 = f32x4.add(s01, f32x4.mul(x0, hi));
      s10 = f32x4.add(s10, f32x4.mul(x1, lo));
      s11 = f32x4.add(s11, f32x4.mul(x1, hi));
      s20 = f32x4.add(s20, f32x4.mul(x2, lo));
      s21 = f32x4.add(s21, f32x4.mul(x2, hi));
      s30 = f32x4.add(s30, f32x4.mul(x3, lo));
      s31 = f32x4.add(s31, f32x4.mul(x3, hi));
    }
    const out = at(c, j);
    v128.store(out, s00);
    v128.store(out, s01, 16);
    v128.store(at(out, cRow), s10);
    v128.store(at(out, cRow), s11, 16);
    v128.store(at(out, 2 * cRow), s20);
    v128.store(at(out, 2 * cRow), s21, 16);
    v128.store(at(out, 3 * cRow), s30);
    v128.store(at(out, 3 * cRow), s31, 16);
  }
  // Columns left over: row by row.
  if (j < n) {
    for (let r = 0; r < 4; r++) rowTimesMatrixFrom(at(a, r * aRow), aK, b, bK, at(c, r * cRow), j, n, k);
  }
}

/** One row of c from one row of a. */
function rowTimesMatrix(a: usize, aK: i32, b: usize, bK: i32, c: usize, n: i32, k: i32): void {
  rowTimesMatrixFrom(a, aK, b, bK, c, 0, n, k);
}

/** c[j] = Σ_k a[k·aK] · b[k·bK + j] for j in [from, n): eight columns at a time, then four, then one. */
function rowTimesMatrixFrom(a: usize, aK: i32, b: usize, bK: i32, c: usize, from: i32, n: i32, k: i32): void {
  let j = from;
  for (; j + 8 <= n; j += 8) {
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
    for (let kk = 0; kk < k; kk++) {
      const x = v128.load32_splat(at(a, kk * aK));
      const row = at(b, kk * bK + j);
      s0 = f32x4.add(s0, f32x4.mul(x, v128.load(row)));
      s1 = f32x4.add(s1, f32x4.mul(x, v128.load(row, 16)));
    }
    v128.store(at(c, j), s0);
    v128.store(at(c, j), s1, 16);
  }
  for (; j + 4 <= n; j += 4) {
    let s = f32x4.splat(0);
    for (let kk = 0; kk < k; kk++) s = f32x4.add(s, f32x4.mul(v128.load32_splat(at(a, kk * aK)), v128.load(at(b, kk * bK + j))));
    v128.store(at(c, j), s);
  }
  for (; j < n; j++) {
    let sum: f32 = 0;
    for (let kk = 0; kk < k; kk++) sum += load<f32>(at(a, kk * aK)) * load<f32>(at(b, kk * bK + j));
    store<f32>(at(c, j), sum);
  }
}

/** Two rows of c from two rows of a (aRow apart), each vector b_j loaded once for both: four j at a time. */
function twoRowsTimesRows(a: usize, aRow: i32, b: usize, bColumn: i32, c: usize, cRow: i32, n: i32, k: i32): void {
  const whole = k & ~3;
  const a1 = at(a, aRow);
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const b0 = at(b, j * bColumn);
    const b1 = at(b0, bColumn);
    const b2 = at(b0, 2 * bColumn);
    const b3 = at(b0, 3 * bColumn);
    let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s02 = f32x4.splat(0), s03 = f32x4.splat(0);
    let s10 = f32x4.splat(0), s11 = f32x4.splat(0), s12 = f32x4.splat(0), s13 = f32x4.splat(0);
    for (let kk = 0; kk < whole; kk += 4) {
      const x0 = v128.load(at(a, kk));
      const x1 = v128.load(at(a1, kk));
      let y = v128.load(at(b0, kk));
      s00 = f32x4.add(s00, f32x4.mul(x0, y));
      s10 = f32x4.add(s10, f32x4.mul(x1, y));
      y = v128.load(at(b1, kk));
      s01 = f32x4.add(s01, f32x4.mul(x0, y));
      s11 = f32x4.add(s11, f32x4.mul(x1, y));
      y = v128.load(at(b2, kk));
      s02 = f32x4.add(s02, f32x4.mul(x0, y));
      s12 = f32x4.add(s12, f32x4.mul(x1, y));
      y = v128.load(at(b3, kk));
      s03 = f32x4.add(s03, f32x4.mul(x0, y));
      s13 = f32x4.add(s13, f32x4.mul(x1, y));
    }
    let sums0 = sum4(s00, s01, s02, s03);
    let sums1 = sum4(s10, s11, s12, s13);
    for (let kk = whole; kk < k; kk++) {
      let column = f32x4.replace_lane(f32x4.splat(load<f32>(at(b0, kk))), 1, load<f32>(at(b1, kk)));
      column = f32x4.replace_lane(f32x4.replace_lane(column, 2, load<f32>(at(b2, kk))), 3, load<f32>(at(b3, kk)));
      sums0 = f32x4.add(sums0, f32x4.mul(v128.load32_splat(at(a, kk)), column));
      sums1 = f32x4.add(sums1, f32x4.mul(v128.load32_splat(at(a1, kk)), column));
    }
    v128.store(at(c, j), sums0);
    v128.store(at(c, j + cRow), sums1);
  }
  if (j < n) {
    rowTimesRowsFrom(a, b, bColumn, c, j, n, k);
    rowTimesRowsFrom(a1, b, bColumn, at(c, cRow), j, n, k);
  }
}

/** One row of c from one row of a. */
function rowTimesRows(a: usize, b: usize, bColumn: i32, c: usize, n: i32, k: i32): void {
  rowTimesRowsFrom(a, b, bColumn, c, 0, n, k);
}

/** c[j] = a · b_j for j in [from, n), contiguous vectors of length k, the vectors b_j being bColumn apart: four j at a time. */
function rowTimesRowsFrom(a: usize, b: usize, bColumn: i32, c: usize, from: i32, n: i32, k: i32): void {
  const whole = k & ~3;
  let j = from;
  for (; j + 4 <= n; j += 4) {
    const b0 = at(b, j * bColumn);
    const b1 = at(b0, bColumn);
    const b2 = at(b0, 2 * bColumn);
    const b3 = at(b0, 3 * bColumn);
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    for (let kk = 0; kk < whole; kk += 4) {
      const x = v128.load(at(a, kk));
      s0 = f32x4.add(s0, f32x4.mul(x, v128.load(at(b0, kk))));
      s1 = f32x4.add(s1, f32x4.mul(x, v128.load(at(b1, kk))));
      s2 = f32x4.add(s2, f32x4.mul(x, v128.load(at(b2, kk))));
      s3 = f32x4.add(s3, f32x4.mul(x, v128.load(at(b3, kk))));
    }
    let sums = sum4(s0, s1, s2, s3);
    for (let kk = whole; kk < k; kk++) {
      const x = v128.load32_splat(at(a, kk));
      let column = f32x4.replace_lane(f32x4.splat(load<f32>(at(b0, kk))), 1, load<f32>(at(b1, kk)));
      column = f32x4.replace_lane(f32x4.replace_lane(column, 2, load<f32>(at(b2, kk))), 3, load<f32>(at(b3, kk)));
      sums = f32x4.add(sums, f32x4.mul(x, column));
    }
    v128.store(at(c, j), sums);
  }
  for (; j < n; j++) {
    const bj = at(b, j * bColumn);
    let s = f32x4.splat(0);
    for (let kk = 0; kk < whole; kk += 4) s = f32x4.add(s, f32x4.mul(v128.load(at(a, kk)), v128.load(at(bj, kk))));
    let sum = horizontalSum(s);
    for (let kk = whole; kk < k; kk++) sum += load<f32>(at(a, kk)) * load<f32>(at(bj, kk));
    store<f32>(at(c, j), sum);
  }
}

/**
 * Scales, masks and softmaxes rows of scores in place: x·factor, plus (1 − keep)·(−1e9) (keep:
 * the row's mask value, and 0 past the causal limit), then e^(x − max) / Σ e^(x − max). The
 * mask is added in float32 as tfjs does, so fully masked rows (all −1e9 after rounding) match.
 */
export function maskedSoftmax(
  x: usize, xBatch: i32, xHead: i32, batch: i32, heads: i32, rows: i32, length: i32,
  factor: f32, rowMask: usize, maskBatch: i32, causal: i32, firstRow: i32,
): void {
  for (let s = 0; s < batch; s++) {
    for (let h = 0; h < heads; h++) {
      const block = at(x, s * xBatch + h * xHead);
      for (let i = 0; i < rows; i++) {
        const keep: f32 = rowMask ? load<f32>(at(rowMask, s * maskBatch + i)) : 1;
        const last = causal ? firstRow + i : length;
        softmaxRow(at(block, i * length), length, factor, (1 - keep) * LARGE_NEGATIVE, last);
      }
    }
  }
}

/**
 * e^x, and 0 below −87 where exp4 would clamp: masked steps (−1e9) weigh exactly 0, as in
 * tfjs, rather than a tiny float whose quotients are subnormal and slow every product after.
 */
@inline function expOrZero(x: v128): v128 {
  return v128.and(exp4(x), f32x4.ge(x, f32x4.splat(-87)));
}

/** One row: steps j ≤ last get `penalty` added, steps after it −1e9. */
function softmaxRow(row: usize, length: i32, factor: f32, penalty: f32, last: i32): void {
  const scale = f32x4.splat(factor);
  const kept = f32x4.splat(penalty);
  const masked = f32x4.splat(LARGE_NEGATIVE);
  const limit = i32x4.splat(last);
  let steps = i32x4(0, 1, 2, 3);
  let top = f32x4.splat(-Infinity);
  let j = 0;
  for (; j + 4 <= length; j += 4) {
    const added = v128.bitselect(masked, kept, i32x4.gt_s(steps, limit));
    const v = f32x4.add(f32x4.mul(v128.load(at(row, j)), scale), added);
    v128.store(at(row, j), v);
    top = f32x4.max(top, v);
    steps = i32x4.add(steps, i32x4.splat(4));
  }
  let m = horizontalMax(top);
  for (; j < length; j++) {
    const v = load<f32>(at(row, j)) * factor + (j > last ? LARGE_NEGATIVE : penalty);
    store<f32>(at(row, j), v);
    m = max(m, v);
  }
  const shift = f32x4.splat(m);
  let sums = f32x4.splat(0);
  j = 0;
  for (; j + 4 <= length; j += 4) {
    const e = expOrZero(f32x4.sub(v128.load(at(row, j)), shift));
    v128.store(at(row, j), e);
    sums = f32x4.add(sums, e);
  }
  let sum = horizontalSum(sums);
  for (; j < length; j++) {
    const e = f32x4.extract_lane(expOrZero(f32x4.splat(load<f32>(at(row, j)) - m)), 0);
    store<f32>(at(row, j), e);
    sum += e;
  }
  const total = f32x4.splat(sum);
  j = 0;
  for (; j + 4 <= length; j += 4) v128.store(at(row, j), f32x4.div(v128.load(at(row, j)), total));
  for (; j < length; j++) store<f32>(at(row, j), load<f32>(at(row, j)) / sum);
}

/**
 * c(s)[i, j] = outer · Σ_d w[d] · tanh(inner · (q(s)[i, d] + k(s)[j, d])), four features at a
 * time; in the last partial vector, lanes past d (read beyond the row, maybe not numbers) are dropped.
 */
export function additiveScores(
  q: usize, qBatch: i32, qRow: i32, k: usize, kBatch: i32, kRow: i32,
  w: usize, inner: f32, outer: f32, c: usize, cBatch: i32, cRow: i32,
  batch: i32, m: i32, n: i32, d: i32,
): void {
  const whole = d & ~3;
  const rest = d - whole;
  const tail = i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(rest));
  const scale = f32x4.splat(inner);
  const ones = f32x4.splat(1);
  for (let s = 0; s < batch; s++) {
    for (let i = 0; i < m; i++) {
      const qi = at(q, s * qBatch + i * qRow);
      const ci = at(c, s * cBatch + i * cRow);
      for (let j = 0; j < n; j++) {
        const kj = at(k, s * kBatch + j * kRow);
        let sum = f32x4.splat(0);
        let dd = 0;
        for (; dd < whole; dd += 4) {
          const t = tanh4(f32x4.mul(scale, f32x4.add(v128.load(at(qi, dd)), v128.load(at(kj, dd)))));
          sum = f32x4.add(sum, f32x4.mul(w ? v128.load(at(w, dd)) : ones, t));
        }
        if (rest) {
          const t = tanh4(f32x4.mul(scale, f32x4.add(v128.load(at(qi, dd)), v128.load(at(kj, dd)))));
          sum = f32x4.add(sum, v128.and(f32x4.mul(w ? v128.load(at(w, dd)) : ones, t), tail));
        }
        store<f32>(at(ci, j), outer * horizontalSum(sum));
      }
    }
  }
}

/** x(s)[i, :] ·= mask(s)[i]: zeroes the rows of padded steps. */
export function maskRows(x: usize, xBatch: i32, ldx: i32, mask: usize, maskBatch: i32, batch: i32, rows: i32, width: i32): void {
  for (let s = 0; s < batch; s++) {
    for (let i = 0; i < rows; i++) {
      const keep = load<f32>(at(mask, s * maskBatch + i));
      const row = at(x, s * xBatch + i * ldx);
      const v = f32x4.splat(keep);
      let j = 0;
      for (; j + 4 <= width; j += 4) v128.store(at(row, j), f32x4.mul(v128.load(at(row, j)), v));
      for (; j < width; j++) store<f32>(at(row, j), load<f32>(at(row, j)) * keep);
    }
  }
}
