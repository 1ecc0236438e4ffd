// The non-recurrent kernels: batched matrix products for Dot, element-wise merges, L2
// normalisation, row copies and gathers. Pointers are in bytes, counts and strides in elements.

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * c[b, i, j] = Σ_k a(b, i, k) · b(b, k, j) with arbitrary strides for a and b; c is contiguous
 * [batch, m, n]. Vectorised along j when b's rows are contiguous, else along k when both are.
 */
export function batchMatmul(
  a: usize, aBatch: i32, aRow: i32, aK: i32,
  b: usize, bBatch: i32, bK: i32, bColumn: i32,
  c: usize, batch: i32, m: i32, n: i32, k: i32,
): void {
  for (let s = 0; s < batch; s++) {
    const as = at(a, s * aBatch);
    const bs = at(b, s * bBatch);
    const cs = at(c, s * m * n);
    for (let i = 0; i < m; i++) {
      const ai = at(as, i * aRow);
      const ci = at(cs, i * n);
      if (bColumn == 1) rowTimesMatrix(ai, aK, bs, bK, ci, n, k);
      else if (aK == 1 && bK == 1) rowTimesRows(ai, bs, bColumn, ci, n, k);
      else {
        for (let j = 0; j < n; j++) {
          let sum: f32 = 0;
          for (let kk = 0; kk < k; kk++) sum += load<f32>(at(ai, kk * aK)) * load<f32>(at(bs, kk * bK + j * bColumn));
          store<f32>(at(ci, j), sum);
        }
      }
    }
  }
}

/** c[j] = Σ_k a[k·aK] · b[k·bK + j], 16 columns at a time. */
function rowTimesMatrix(a: usize, aK: i32, b: usize, bK: i32, c: usize, n: i32, k: i32): void {
  let j = 0;
  for (; j + 16 <= n; j += 16) {
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    for (let kk = 0; kk < k; kk++) {
      const x = f32x4.splat(load<f32>(at(a, kk * aK)));
      const row = at(b, kk * bK + j);
      s0 = f32x4.add(s0, f32x4.mul(x, v128.load(row)));
      s1 = f32x4.add(s1, f32x4.mul(x, v128.load(row, 16)));
      s2 = f32x4.add(s2, f32x4.mul(x, v128.load(row, 32)));
      s3 = f32x4.add(s3, f32x4.mul(x, v128.load(row, 48)));
    }
    const out = at(c, j);
    v128.store(out, s0);
    v128.store(out, s1, 16);
    v128.store(out, s2, 32);
    v128.store(out, s3, 48);
  }
  for (; j + 4 <= n; j += 4) {
    let s = f32x4.splat(0);
    for (let kk = 0; kk < k; kk++) s = f32x4.add(s, f32x4.mul(f32x4.splat(load<f32>(at(a, kk * aK))), v128.load(at(b, kk * bK + j))));
    v128.store(at(c, j), s);
  }
  for (; j < n; j++) {
    let sum: f32 = 0;
    for (let kk = 0; kk < k; kk++) sum += load<f32>(at(a, kk * aK)) * load<f32>(at(b, kk * bK + j));
    store<f32>(at(c, j), sum);
  }
}

/** c[j] = a · b_j for contiguous vectors of length k, the rows b_j being bColumn apart. */
function rowTimesRows(a: usize, b: usize, bColumn: i32, c: usize, n: i32, k: i32): void {
  for (let j = 0; j < n; j++) {
    const bj = at(b, j * bColumn);
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
    let kk = 0;
    for (; kk + 8 <= k; kk += 8) {
      s0 = f32x4.add(s0, f32x4.mul(v128.load(at(a, kk)), v128.load(at(bj, kk))));
      s1 = f32x4.add(s1, f32x4.mul(v128.load(at(a, kk), 16), v128.load(at(bj, kk), 16)));
    }
    for (; kk + 4 <= k; kk += 4) s0 = f32x4.add(s0, f32x4.mul(v128.load(at(a, kk)), v128.load(at(bj, kk))));
    let sum = horizontalSum(f32x4.add(s0, s1));
    for (; kk < k; kk++) sum += load<f32>(at(a, kk)) * load<f32>(at(bj, kk));
    store<f32>(at(c, j), sum);
  }
}

// Element-wise operations by number, as BINARY_CODES in src/executor/kernels/codes.ts.
export const ADD = 0;
export const SUBTRACT = 1;
export const MULTIPLY = 2;
export const MAXIMUM = 3;
export const MINIMUM = 4;

@inline function combine4(op: i32, x: v128, y: v128): v128 {
  switch (op) {
    case SUBTRACT: return f32x4.sub(x, y);
    case MULTIPLY: return f32x4.mul(x, y);
    case MAXIMUM: return f32x4.max(x, y);
    case MINIMUM: return f32x4.min(x, y);
    default: return f32x4.add(x, y);
  }
}

@inline function combine1(op: i32, x: f32, y: f32): f32 {
  switch (op) {
    case SUBTRACT: return x - y;
    case MULTIPLY: return x * y;
    case MAXIMUM: return max(x, y);
    case MINIMUM: return min(x, y);
    default: return x + y;
  }
}

/** out[i] = a[i·strideA] op b[i·strideB] for i < count; a stride of 0 repeats one value (broadcast). */
export function binary(op: i32, a: usize, strideA: i32, b: usize, strideB: i32, out: usize, count: i32): void {
  let i = 0;
  if (strideA == 1 && strideB == 1) {
    for (; i + 4 <= count; i += 4) v128.store(at(out, i), combine4(op, v128.load(at(a, i)), v128.load(at(b, i))));
  } else if (strideA == 1 && strideB == 0) {
    const y = v128.load32_splat(b);
    for (; i + 4 <= count; i += 4) v128.store(at(out, i), combine4(op, v128.load(at(a, i)), y));
  } else if (strideA == 0 && strideB == 1) {
    const x = v128.load32_splat(a);
    for (; i + 4 <= count; i += 4) v128.store(at(out, i), combine4(op, x, v128.load(at(b, i))));
  }
  for (; i < count; i++) store<f32>(at(out, i), combine1(op, load<f32>(at(a, i * strideA)), load<f32>(at(b, i * strideB))));
}

/** y = x · factor, element-wise. */
export function scale(x: usize, factor: f32, y: usize, count: i32): void {
  const f = f32x4.splat(factor);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(at(y, i), f32x4.mul(v128.load(at(x, i)), f));
  for (; i < count; i++) store<f32>(at(y, i), load<f32>(at(x, i)) * factor);
}

/** x[r, :] += v for each of `rows` rows (a bias added on its own, when fusion is off). */
export function addRowVector(x: usize, ldx: i32, v: usize, rows: i32, width: i32): void {
  for (let r = 0; r < rows; r++) binary(ADD, at(x, r * ldx), 1, v, 1, at(x, r * ldx), width);
}

/**
 * L2 normalisation along the middle axis of [outer, length, inner], as TensorFlow.js's
 * l2Normalize: x / sqrt(max(Σ x², epsilon)) with epsilon 1e-7.
 */
export function l2NormalizeAxis(x: usize, y: usize, outer: i32, length: i32, inner: i32): void {
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * length * inner + j;
      let sum: f32 = 0;
      for (let i = 0; i < length; i++) {
        const v = load<f32>(at(x, base + i * inner));
        sum += v * v;
      }
      const norm = Mathf.sqrt(max(sum, <f32>1e-7));
      for (let i = 0; i < length; i++) store<f32>(at(y, base + i * inner), load<f32>(at(x, base + i * inner)) / norm);
    }
  }
}

/** dst[r, :] = src[r, :] for `rows` rows of `width` elements. */
export function copyRows(src: usize, lds: i32, dst: usize, ldd: i32, rows: i32, width: i32): void {
  const bytes = <usize>width << 2;
  for (let r = 0; r < rows; r++) memory.copy(at(dst, r * ldd), at(src, r * lds), bytes);
}

/** out[r, :] = table[ids[r], :]: an Embedding lookup. IDs are checked by the caller. */
export function gather(table: usize, width: i32, ids: usize, count: i32, out: usize, ldOut: i32): void {
  const bytes = <usize>width << 2;
  for (let r = 0; r < count; r++) memory.copy(at(out, r * ldOut), at(table, load<i32>(at(ids, r)) * width), bytes);
}

/** x[0..count) = value (initial recurrent states). */
export function fill(x: usize, value: f32, count: i32): void {
  const v = f32x4.splat(value);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(at(x, i), v);
  for (; i < count; i++) store<f32>(at(x, i), value);
}

/** out[i] = 1 where the int32 ids[i] is not 0, else 0: Embedding(mask_zero=true)'s mask. */
export function nonZeroMask(ids: usize, out: usize, count: i32): void {
  for (let i = 0; i < count; i++) store<f32>(at(out, i), load<i32>(at(ids, i)) != 0 ? <f32>1 : <f32>0);
}
