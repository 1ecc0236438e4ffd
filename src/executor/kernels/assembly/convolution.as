// Kernel functions: see ../convolution-kernel.ts for their contracts.
//
// Conv1D is a matrix product whose rows are never materialised: output step t of batch row b
// reads, for each tap j, the input row at step t·stride + j·dilation − padBefore (or a row of
// zeros where that falls in the padding), and those taps side by side are the row of the
// product's a operand. The weights are the Keras kernel [kernelSize, channels, filters] seen as
// [kernelSize·channels, filters], packed in 8-column panels as for gemm, so the 4×8 register
// tile below is gemm's with the row pointers looked up per tap: no im2col copy of the input.
import { activate4 } from "./activations";

const PANEL = 8;

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** Stores 8 values of a row, or its first `width`: a partial last panel must not write past the filters. */
@inline function store8(to: usize, lo: v128, hi: v128, width: i32): void {
  if (width == PANEL) {
    v128.store(to, lo);
    v128.store(to, hi, 16);
    return;
  }
  for (let j = 0; j < width; j++) {
    const v = j < 4 ? lo : hi;
    const lane = j & 3;
    store<f32>(at(to, j), lane == 0 ? f32x4.extract_lane(v, 0) : lane == 1 ? f32x4.extract_lane(v, 1) : lane == 2 ? f32x4.extract_lane(v, 2) : f32x4.extract_lane(v, 3));
  }
}

@inline function finish(v: v128, activation: i32): v128 {
  return activation ? activate4(v, activation) : v;
}

/** The input row tap `j` of a window reads: zeros where it falls in the padding. */
@inline function tapRow(sequence: usize, start: i32, j: i32, dilation: i32, length: i32, channels: i32, zeros: usize): usize {
  const step = start + j * dilation;
  return step >= 0 && step < length ? at(sequence, step * channels) : zeros;
}

/** The sequence (batch row) an output row reads. */
@inline function sequenceOf(row: i32, x: usize, length: i32, channels: i32, outLength: i32): usize {
  return at(x, (row / outLength) * length * channels);
}

/** The first step of an output row's window (negative in the padding before the sequence). */
@inline function startOf(row: i32, outLength: i32, stride: i32, padBefore: i32): i32 {
  return (row % outLength) * stride - padBefore;
}

/**
 * y[row, :] = activation(Σ_j x[b, t·stride + j·dilation − padBefore, :] · W_j + bias) for the
 * flattened output rows row = b·outLength + t in [first, first + rows).
 */
export function conv1d(
  x: usize, length: i32, channels: i32, zeros: usize,
  weights: usize, bias: usize, kernelSize: i32, stride: i32, dilation: i32, padBefore: i32,
  y: usize, outLength: i32, filters: i32, first: i32, rows: i32, activation: i32,
): void {
  const k = kernelSize * channels;
  const panels = (filters + PANEL - 1) / PANEL;
  const end = first + rows;
  for (let p = 0; p < panels; p++) {
    const panel = weights + (<usize>p * <usize>k << 5);
    const column = p * PANEL;
    const width = min(PANEL, filters - column);
    const biasAt = bias ? at(bias, column) : 0;
    let row = first;
    for (; row + 4 <= end; row += 4) {
      tile4(
        sequenceOf(row, x, length, channels, outLength), startOf(row, outLength, stride, padBefore),
        sequenceOf(row + 1, x, length, channels, outLength), startOf(row + 1, outLength, stride, padBefore),
        sequenceOf(row + 2, x, length, channels, outLength), startOf(row + 2, outLength, stride, padBefore),
        sequenceOf(row + 3, x, length, channels, outLength), startOf(row + 3, outLength, stride, padBefore),
        length, channels, zeros, panel, biasAt, kernelSize, dilation, at(y, row * filters + column), filters, width, activation,
      );
    }
    for (; row < end; row++) {
      tile1(
        sequenceOf(row, x, length, channels, outLength), startOf(row, outLength, stride, padBefore),
        length, channels, zeros, panel, biasAt, kernelSize, dilation, at(y, row * filters + column), width, activation,
      );
    }
  }
}

/** Four output rows by one panel of 8 filters: gemm's register tile, its a rows looked up per tap. */
function tile4(
  x0: usize, s0: i32, x1: usize, s1: i32, x2: usize, s2: i32, x3: usize, s3: i32,
  length: i32, channels: i32, zeros: usize, panel: usize, biasAt: usize, kernelSize: i32, dilation: i32,
  out: usize, ldOut: i32, width: i32, activation: i32,
): void {
  const bLow = biasAt ? v128.load(biasAt) : f32x4.splat(0);
  const bHigh = biasAt ? v128.load(biasAt, 16) : f32x4.splat(0);
  let c00 = bLow, c01 = bHigh, c10 = bLow, c11 = bHigh, c20 = bLow, c21 = bHigh, c30 = bLow, c31 = bHigh;
  let bp = panel;
  for (let j = 0; j < kernelSize; j++) {
    let a0 = tapRow(x0, s0, j, dilation, length, channels, zeros);
    let a1 = tapRow(x1, s1, j, dilation, length, channels, zeros);
    let a2 = tapRow(x2, s2, j, dilation, length, channels, zeros);
    let a3 = tapRow(x3, s3, j, dilation, length, channels, zeros);
    for (let c = 0; c < channels; c++) {
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
  }
  const rowBytes = <usize>ldOut << 2;
  store8(out, finish(c00, activation), finish(c01, activation), width);
  store8(out + rowBytes, finish(c10, activation), finish(c11, activation), width);
  store8(out + 2 * rowBytes, finish(c20, activation), finish(c21, activation), width);
  store8(out + 3 * rowBytes, finish(c30, activation), finish(c31, activation), width);
}

/** One output row: channels are split over two accumulator pairs, so adds do not wait on each other. */
function tile1(
  x0: usize, s0: i32, length: i32, channels: i32, zeros: usize,
  panel: usize, biasAt: usize, kernelSize: i32, dilation: i32, out: usize, width: i32, activation: i32,
): void {
  let c0 = biasAt ? v128.load(biasAt) : f32x4.splat(0);
  let c1 = biasAt ? v128.load(biasAt, 16) : f32x4.splat(0);
  let d0 = f32x4.splat(0);
  let d1 = f32x4.splat(0);
  let bp = panel;
  for (let j = 0; j < kernelSize; j++) {
    let a = tapRow(x0, s0, j, dilation, length, channels, zeros);
    let c = 0;
    for (; c + 2 <= channels; c += 2) {
      const s = v128.load32_splat(a);
      const t = v128.load32_splat(a, 4);
      c0 = f32x4.add(c0, f32x4.mul(s, v128.load(bp)));
      c1 = f32x4.add(c1, f32x4.mul(s, v128.load(bp, 16)));
      d0 = f32x4.add(d0, f32x4.mul(t, v128.load(bp, 32)));
      d1 = f32x4.add(d1, f32x4.mul(t, v128.load(bp, 48)));
      a += 8;
      bp += 64;
    }
    if (c < channels) {
      const s = v128.load32_splat(a);
      c0 = f32x4.add(c0, f32x4.mul(s, v128.load(bp)));
      c1 = f32x4.add(c1, f32x4.mul(s, v128.load(bp, 16)));
      bp += 32;
    }
  }
  store8(out, finish(f32x4.add(c0, d0), activation), finish(f32x4.add(c1, d1), activation), width);
}

/**
 * y[b, t, :] = the maximum (average = 0) or mean (average = 1) of x[b, s, :] over the steps s of
 * window t, [t·stride − padBefore, t·stride − padBefore + poolSize), clipped to the sequence.
 * The mean counts only the steps inside the sequence, as TensorFlow.js does with "same" padding.
 */
export function pool1d(
  x: usize, batch: i32, length: i32, channels: i32,
  poolSize: i32, stride: i32, padBefore: i32,
  y: usize, outLength: i32, average: i32,
): void {
  for (let b = 0; b < batch; b++) {
    const sequence = at(x, b * length * channels);
    for (let t = 0; t < outLength; t++) {
      const start = t * stride - padBefore;
      const from = max(start, 0);
      const count = min(start + poolSize, length) - from;
      const out = at(y, (b * outLength + t) * channels);
      const rows = at(sequence, from * channels);
      if (average) averageRows(rows, count, channels, out);
      else maximumRows(rows, count, channels, out);
    }
  }
}

// Both reductions keep 16 columns in registers while they go down the rows (a window's rows
// are consecutive in memory, so each cache line is read once), then 4, then one at a time.

/** out = the element-wise maximum of `count` consecutive rows of `width` values (−∞ for none). */
function maximumRows(rows: usize, count: i32, width: i32, out: usize): void {
  const none = f32x4.splat(-Infinity);
  let c = 0;
  for (; c + 16 <= width; c += 16) {
    let m0 = none, m1 = none, m2 = none, m3 = none;
    for (let r = 0; r < count; r++) {
      const row = at(rows, r * width + c);
      m0 = f32x4.max(m0, v128.load(row));
      m1 = f32x4.max(m1, v128.load(row, 16));
      m2 = f32x4.max(m2, v128.load(row, 32));
      m3 = f32x4.max(m3, v128.load(row, 48));
    }
    const to = at(out, c);
    v128.store(to, m0);
    v128.store(to, m1, 16);
    v128.store(to, m2, 32);
    v128.store(to, m3, 48);
  }
  for (; c + 4 <= width; c += 4) {
    let m = none;
    for (let r = 0; r < count; r++) m = f32x4.max(m, v128.load(at(rows, r * width + c)));
    v128.store(at(out, c), m);
  }
  for (; c < width; c++) {
    let m: f32 = -Infinity;
    for (let r = 0; r < count; r++) m = max(m, load<f32>(at(rows, r * width + c)));
    store<f32>(at(out, c), m);
  }
}

/** out = the element-wise mean of `count` consecutive rows of `width` values: their sum divided by count. */
function averageRows(rows: usize, count: i32, width: i32, out: usize): void {
  const n = <f32>count;
  const divisor = f32x4.splat(n);
  const zero = f32x4.splat(0);
  let c = 0;
  for (; c + 16 <= width; c += 16) {
    let s0 = zero, s1 = zero, s2 = zero, s3 = zero;
    for (let r = 0; r < count; r++) {
      const row = at(rows, r * width + c);
      s0 = f32x4.add(s0, v128.load(row));
      s1 = f32x4.add(s1, v128.load(row, 16));
      s2 = f32x4.add(s2, v128.load(row, 32));
      s3 = f32x4.add(s3, v128.load(row, 48));
    }
    const to = at(out, c);
    v128.store(to, f32x4.div(s0, divisor));
    v128.store(to, f32x4.div(s1, divisor), 16);
    v128.store(to, f32x4.div(s2, divisor), 32);
    v128.store(to, f32x4.div(s3, divisor), 48);
  }
  for (; c + 4 <= width; c += 4) {
    let s = zero;
    for (let r = 0; r < count; r++) s = f32x4.add(s, v128.load(at(rows, r * width + c)));
    v128.store(at(out, c), f32x4.div(s, divisor));
  }
  for (; c < width; c++) {
    let s: f32 = 0;
    for (let r = 0; r < count; r++) s += load<f32>(at(rows, r * width + c));
    store<f32>(at(out, c), s / n);
  }
}
