// Matrix product with bias, addend and activation fused: c = act(a · b + bias + addend).
// b is packed once, when the executor is made (see src/executor/kernels/pack.ts): panels of 8
// columns, each panel k rows of 8 contiguous floats, zero-padded past n. The 4×8 register tile
// (8 accumulators) keeps V8's 16 SIMD registers busy without spilling.
import { activate4 } from "./activations";

const PANEL = 8;

/**
 * c[m, n] = act(a[m, k] · b + bias + addend). Strides are in elements, pointers in bytes;
 * bias (n values, padded to a multiple of 8) and addend ([m, n] with stride ldAdd) are optional (0).
 */
export function gemm(
  a: usize, lda: i32, b: usize, bias: usize, addend: usize, ldAdd: i32,
  c: usize, ldc: i32, m: i32, n: i32, k: i32, activation: i32,
): void {
  const panels = (n + PANEL - 1) / PANEL;
  for (let p = 0; p < panels; p++) {
    const panel = b + (<usize>p * <usize>k << 5);
    const column = p * PANEL;
    const width = min(PANEL, n - column);
    const biasAt = bias ? bias + (<usize>column << 2) : 0;
    let i = 0;
    for (; i + 4 <= m; i += 4) tile4(a, lda, panel, biasAt, addend, ldAdd, c, ldc, i, column, width, k, activation);
    for (; i < m; i++) tile1(a, lda, panel, biasAt, addend, ldAdd, c, ldc, i, column, width, k, activation);
  }
}

/** Starting values of one row of the tile: bias plus addend, or zero. */
@inline function start(biasAt: usize, addend: usize, ldAdd: i32, row: i32, column: i32, half: usize): v128 {
  let v = biasAt ? v128.load(biasAt + half) : f32x4.splat(0);
  if (addend) v = f32x4.add(v, v128.load(addend + ((<usize>row * <usize>ldAdd + <usize>column) << 2) + half));
  return v;
}

@inline function finish(v: v128, activation: i32): v128 {
  return activation ? activate4(v, activation) : v;
}

/** Stores 8 values of a row, or its first `width`: a partial last panel must not write past n. */
@inline function store8(at: usize, lo: v128, hi: v128, width: i32): void {
  if (width == PANEL) {
    v128.store(at, lo);
    v128.store(at, hi, 16);
    return;
  }
  for (let j = 0; j < width; j++) {
    const v = j < 4 ? lo : hi;
    const lane = j & 3;
    store<f32>(at + (<usize>j << 2), lane == 0 ? f32x4.extract_lane(v, 0) : lane == 1 ? f32x4.extract_lane(v, 1) : lane == 2 ? f32x4.extract_lane(v, 2) : f32x4.extract_lane(v, 3));
  }
}

function tile4(
  a: usize, lda: i32, panel: usize, biasAt: usize, addend: usize, ldAdd: i32,
  c: usize, ldc: i32, i: i32, column: i32, width: i32, k: i32, activation: i32,
): void {
  const rowBytes = <usize>lda << 2;
  let a0 = a + <usize>i * rowBytes;
  let a1 = a0 + rowBytes;
  let a2 = a1 + rowBytes;
  let a3 = a2 + rowBytes;
  let c00 = start(biasAt, addend, ldAdd, i, column, 0);
  let c01 = start(biasAt, addend, ldAdd, i, column, 16);
  let c10 = start(biasAt, addend, ldAdd, i + 1, column, 0);
  let c11 = start(biasAt, addend, ldAdd, i + 1, column, 16);
  let c20 = start(biasAt, addend, ldAdd, i + 2, column, 0);
  let c21 = start(biasAt, addend, ldAdd, i + 2, column, 16);
  let c30 = start(biasAt, addend, ldAdd, i + 3, column, 0);
  let c31 = start(biasAt, addend, ldAdd, i + 3, column, 16);
  let bp = panel;
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let s = v128.load32_splat(a0);
    c00 = f32x4.add(c00, f32x4.mul(s, b0));
    c01 = f32x4.add(c01, f32x4.mul(s, b1));
    s = v128.load32_splat(a1);
    c10 = f32x4.add(c10, f32x4.mul(s, b0));
    c11 = f32x4.add(c11, f32x4.mul(s, b1));
    s = v128.load32_splat(a2);
    c20 = f32x4.add(c20, f32x4.mul(s, b0));
    c21 = f32x4.add(c21, f32x4.mul(s, b1));
    s = v128.load32_splat(a3);
    c30 = f32x4.add(c30, f32x4.mul(s, b0));
    c31 = f32x4.add(c31, f32x4.mul(s, b1));
    a0 += 4;
    a1 += 4;
    a2 += 4;
    a3 += 4;
    bp += 32;
  }
  const cRow = <usize>ldc << 2;
  const out = c + <usize>i * cRow + (<usize>column << 2);
  store8(out, finish(c00, activation), finish(c01, activation), width);
  store8(out + cRow, finish(c10, activation), finish(c11, activation), width);
  store8(out + 2 * cRow, finish(c20, activation), finish(c21, activation), width);
  store8(out + 3 * cRow, finish(c30, activation), finish(c31, activation), width);
}

/** One row: k is split over two accumulator pairs, so adds do not wait on each other. */
function tile1(
  a: usize, lda: i32, panel: usize, biasAt: usize, addend: usize, ldAdd: i32,
  c: usize, ldc: i32, i: i32, column: i32, width: i32, k: i32, activation: i32,
): void {
  let a0 = a + (<usize>i * <usize>lda << 2);
  let c0 = start(biasAt, addend, ldAdd, i, column, 0);
  let c1 = start(biasAt, addend, ldAdd, i, column, 16);
  let d0 = f32x4.splat(0);
  let d1 = f32x4.splat(0);
  let bp = panel;
  let kk = 0;
  for (; kk + 2 <= k; kk += 2) {
    const s = v128.load32_splat(a0);
    const t = v128.load32_splat(a0, 4);
    c0 = f32x4.add(c0, f32x4.mul(s, v128.load(bp)));
    c1 = f32x4.add(c1, f32x4.mul(s, v128.load(bp, 16)));
    d0 = f32x4.add(d0, f32x4.mul(t, v128.load(bp, 32)));
    d1 = f32x4.add(d1, f32x4.mul(t, v128.load(bp, 48)));
    a0 += 8;
    bp += 64;
  }
  if (kk < k) {
    const s = v128.load32_splat(a0);
    c0 = f32x4.add(c0, f32x4.mul(s, v128.load(bp)));
    c1 = f32x4.add(c1, f32x4.mul(s, v128.load(bp, 16)));
  }
  const out = c + ((<usize>i * <usize>ldc + <usize>column) << 2);
  store8(out, finish(f32x4.add(c0, d0), activation), finish(f32x4.add(c1, d1), activation), width);
}
