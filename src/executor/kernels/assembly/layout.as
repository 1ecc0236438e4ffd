// Kernel functions: see ../layout-kernel.ts for their contracts.
// Moving values between layouts (strided copies: transposes, slices, repeats) and the
// normalisations. Pointers are in bytes, counts and strides in elements.

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * y, contiguous [d0, d1, d2, d3], gets x[i0·s0 + i1·s1 + i2·s2 + i3·s3]. Values move as 32-bit
 * patterns, so int32 tensors copy exactly too; a stride of 0 repeats a value.
 */
export function stridedCopy(x: usize, y: usize, d0: i32, d1: i32, d2: i32, d3: i32, s0: i32, s1: i32, s2: i32, s3: i32): void {
  const plane = d2 * d3;
  for (let i0 = 0; i0 < d0; i0++) {
    for (let i1 = 0; i1 < d1; i1++) {
      copyPlane(at(x, i0 * s0 + i1 * s1), s2, s3, at(y, (i0 * d1 + i1) * plane), d2, d3);
    }
  }
}

/** y[r, c] = x[r·rowStride + c·columnStride] for a contiguous [rows, columns] y. */
function copyPlane(x: usize, rowStride: i32, columnStride: i32, y: usize, rows: i32, columns: i32): void {
  if (columnStride == 1) {
    if (rowStride == columns) {
      memory.copy(y, x, <usize>(rows * columns) << 2);
      return;
    }
    for (let r = 0; r < rows; r++) memory.copy(at(y, r * columns), at(x, r * rowStride), <usize>columns << 2);
  } else if (columnStride == 0) {
    for (let r = 0; r < rows; r++) fillRow(at(y, r * columns), load<i32>(at(x, r * rowStride)), columns);
  } else if (rowStride == 1) {
    transposePlane(x, columnStride, y, rows, columns);
  } else {
    for (let r = 0; r < rows; r++) {
      const row = at(y, r * columns);
      const source = at(x, r * rowStride);
      for (let c = 0; c < columns; c++) store<i32>(at(row, c), load<i32>(at(source, c * columnStride)));
    }
  }
}

function fillRow(y: usize, value: i32, count: i32): void {
  const v = i32x4.splat(value);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(at(y, i), v);
  for (; i < count; i++) store<i32>(at(y, i), value);
}

/**
 * y[r, c] = x[r + c·columnStride]: a transpose, in 4×4 tiles of vector loads and shuffles
 * (x's rows of four are contiguous along r), with scalar edges.
 */
function transposePlane(x: usize, columnStride: i32, y: usize, rows: i32, columns: i32): void {
  const tiledRows = rows & ~3;
  const tiledColumns = columns & ~3;
  for (let r = 0; r < tiledRows; r += 4) {
    for (let c = 0; c < tiledColumns; c += 4) {
      const a0 = v128.load(at(x, r + c * columnStride));
      const a1 = v128.load(at(x, r + (c + 1) * columnStride));
      const a2 = v128.load(at(x, r + (c + 2) * columnStride));
      const a3 = v128.load(at(x, r + (c + 3) * columnStride));
      const t0 = i32x4.shuffle(a0, a1, 0, 4, 1, 5);
      const t1 = i32x4.shuffle(a0, a1, 2, 6, 3, 7);
      const t2 = i32x4.shuffle(a2, a3, 0, 4, 1, 5);
      const t3 = i32x4.shuffle(a2, a3, 2, 6, 3, 7);
      v128.store(at(y, r * columns + c), i32x4.shuffle(t0, t2, 0, 1, 4, 5));
      v128.store(at(y, (r + 1) * columns + c), i32x4.shuffle(t0, t2, 2, 3, 6, 7));
      v128.store(at(y, (r + 2) * columns + c), i32x4.shuffle(t1, t3, 0, 1, 4, 5));
      v128.store(at(y, (r + 3) * columns + c), i32x4.shuffle(t1, t3, 2, 3, 6, 7));
    }
    for (let rr = r; rr < r + 4; rr++) {
      for (let c = tiledColumns; c < columns; c++) store<i32>(at(y, rr * columns + c), load<i32>(at(x, rr + c * columnStride)));
    }
  }
  for (let r = tiledRows; r < rows; r++) {
    for (let c = 0; c < columns; c++) store<i32>(at(y, r * columns + c), load<i32>(at(x, r + c * columnStride)));
  }
}

/** y = x · scale + offset, the product rounded before the sum (as tfjs-layers' Rescaling: mul, then add). */
export function rescale(x: usize, y: usize, count: i32, scale: f32, offset: f32): void {
  const s = f32x4.splat(scale);
  const o = f32x4.splat(offset);
  let i = 0;
  for (; i + 4 <= count; i += 4) v128.store(at(y, i), f32x4.add(f32x4.mul(v128.load(at(x, i)), s), o));
  for (; i < count; i++) store<f32>(at(y, i), load<f32>(at(x, i)) * scale + offset);
}

/**
 * Layer normalisation along the middle axis of [outer, length, inner]: for each (o, j),
 * y = (x − mean) / sqrt(variance + epsilon) · gamma[i] + beta[i], the variance from the
 * deviations (two passes, as tfjs's moments). gamma and beta hold `length` values; 0: none.
 */
export function layerNormAxis(x: usize, y: usize, outer: i32, length: i32, inner: i32, gamma: usize, beta: usize, epsilon: f32): void {
  for (let o = 0; o < outer; o++) {
    const xo = at(x, o * length * inner);
    const yo = at(y, o * length * inner);
    if (inner == 1) normalizeRow(xo, yo, length, gamma, beta, epsilon);
    else normalizeColumns(xo, yo, length, inner, gamma, beta, epsilon);
  }
}

/** One contiguous row of `length` values. */
function normalizeRow(x: usize, y: usize, length: i32, gamma: usize, beta: usize, epsilon: f32): void {
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
  let i = 0;
  for (; i + 8 <= length; i += 8) {
    s0 = f32x4.add(s0, v128.load(at(x, i)));
    s1 = f32x4.add(s1, v128.load(at(x, i), 16));
  }
  for (; i + 4 <= length; i += 4) s0 = f32x4.add(s0, v128.load(at(x, i)));
  let sum = horizontalSum(f32x4.add(s0, s1));
  for (; i < length; i++) sum += load<f32>(at(x, i));
  const mean = sum / <f32>length;

  const m = f32x4.splat(mean);
  s0 = f32x4.splat(0);
  s1 = f32x4.splat(0);
  i = 0;
  for (; i + 8 <= length; i += 8) {
    const d0 = f32x4.sub(v128.load(at(x, i)), m);
    const d1 = f32x4.sub(v128.load(at(x, i), 16), m);
    s0 = f32x4.add(s0, f32x4.mul(d0, d0));
    s1 = f32x4.add(s1, f32x4.mul(d1, d1));
  }
  for (; i + 4 <= length; i += 4) {
    const d = f32x4.sub(v128.load(at(x, i)), m);
    s0 = f32x4.add(s0, f32x4.mul(d, d));
  }
  let squares = horizontalSum(f32x4.add(s0, s1));
  for (; i < length; i++) {
    const d = load<f32>(at(x, i)) - mean;
    squares += d * d;
  }
  const inverse: f32 = 1 / Mathf.sqrt(squares / <f32>length + epsilon);

  const v = f32x4.splat(inverse);
  i = 0;
  for (; i + 4 <= length; i += 4) {
    let value = f32x4.mul(f32x4.sub(v128.load(at(x, i)), m), v);
    if (gamma) value = f32x4.mul(value, v128.load(at(gamma, i)));
    if (beta) value = f32x4.add(value, v128.load(at(beta, i)));
    v128.store(at(y, i), value);
  }
  for (; i < length; i++) {
    let value = (load<f32>(at(x, i)) - mean) * inverse;
    if (gamma) value *= load<f32>(at(gamma, i));
    if (beta) value += load<f32>(at(beta, i));
    store<f32>(at(y, i), value);
  }
}

/** `inner` interleaved columns of `length` values (row stride `inner`), four columns at a time. */
function normalizeColumns(x: usize, y: usize, length: i32, inner: i32, gamma: usize, beta: usize, epsilon: f32): void {
  let j = 0;
  const n = f32x4.splat(<f32>length);
  for (; j + 4 <= inner; j += 4) {
    let sum = f32x4.splat(0);
    for (let i = 0; i < length; i++) sum = f32x4.add(sum, v128.load(at(x, i * inner + j)));
    const mean = f32x4.div(sum, n);
    let squares = f32x4.splat(0);
    for (let i = 0; i < length; i++) {
      const d = f32x4.sub(v128.load(at(x, i * inner + j)), mean);
      squares = f32x4.add(squares, f32x4.mul(d, d));
    }
    const inverse = f32x4.div(f32x4.splat(1), f32x4.sqrt(f32x4.add(f32x4.div(squares, n), f32x4.splat(epsilon))));
    for (let i = 0; i < length; i++) {
      let value = f32x4.mul(f32x4.sub(v128.load(at(x, i * inner + j)), mean), inverse);
      if (gamma) value = f32x4.mul(value, v128.load32_splat(at(gamma, i)));
      if (beta) value = f32x4.add(value, v128.load32_splat(at(beta, i)));
      v128.store(at(y, i * inner + j), value);
    }
  }
  for (; j < inner; j++) {
    let sum: f32 = 0;
    for (let i = 0; i < length; i++) sum += load<f32>(at(x, i * inner + j));
    const mean = sum / <f32>length;
    let squares: f32 = 0;
    for (let i = 0; i < length; i++) {
      const d = load<f32>(at(x, i * inner + j)) - mean;
      squares += d * d;
    }
    const inverse: f32 = 1 / Mathf.sqrt(squares / <f32>length + epsilon);
    for (let i = 0; i < length; i++) {
      let value = (load<f32>(at(x, i * inner + j)) - mean) * inverse;
      if (gamma) value *= load<f32>(at(gamma, i));
      if (beta) value += load<f32>(at(beta, i));
      store<f32>(at(y, i * inner + j), value);
    }
  }
}

/**
 * Per-channel normalisation along the middle axis of [outer, channels, inner] with given
 * statistics (BatchNormalization at inference): y = (x − mean[c]) · factor[c] + offset[c].
 */
export function normalizeChannels(x: usize, y: usize, outer: i32, channels: i32, inner: i32, mean: usize, factor: usize, offset: usize): void {
  for (let o = 0; o < outer; o++) {
    const base = o * channels * inner;
    if (inner == 1) {
      let c = 0;
      for (; c + 4 <= channels; c += 4) {
        const d = f32x4.sub(v128.load(at(x, base + c)), v128.load(at(mean, c)));
        v128.store(at(y, base + c), f32x4.add(f32x4.mul(d, v128.load(at(factor, c))), v128.load(at(offset, c))));
      }
      for (; c < channels; c++) {
        store<f32>(at(y, base + c), (load<f32>(at(x, base + c)) - load<f32>(at(mean, c))) * load<f32>(at(factor, c)) + load<f32>(at(offset, c)));
      }
      continue;
    }
    for (let c = 0; c < channels; c++) {
      const row = base + c * inner;
      const m = load<f32>(at(mean, c));
      const f = load<f32>(at(factor, c));
      const b = load<f32>(at(offset, c));
      const mv = f32x4.splat(m), fv = f32x4.splat(f), bv = f32x4.splat(b);
      let j = 0;
      for (; j + 4 <= inner; j += 4) {
        v128.store(at(y, row + j), f32x4.add(f32x4.mul(f32x4.sub(v128.load(at(x, row + j)), mv), fv), bv));
      }
      for (; j < inner; j++) store<f32>(at(y, row + j), (load<f32>(at(x, row + j)) - m) * f + b);
    }
  }
}

/**
 * The sinusoidal position encoding [time, features] of keras_nlp as nnspec's tfjs layer
 * computes it in float32: timescale_i = base^(2⌊i/2⌋ / features) with base = 1/max_wavelength,
 * angle = p · timescale_i, then sin (even i) or cos (odd i) of the float32 angle.
 */
export function sinePositions(y: usize, time: i32, features: i32, base: f32): void {
  for (let i = 0; i < features; i++) {
    const exponent = <f32>(<f32>((i >> 1) << 1) / <f32>features);
    const timescale = <f32>Math.pow(<f64>base, <f64>exponent);
    const odd = (i & 1) == 1;
    for (let p = 0; p < time; p++) {
      const angle = <f64>(<f32>p * timescale);
      store<f32>(at(y, p * features + i), <f32>(odd ? Math.cos(angle) : Math.sin(angle)));
    }
  }
}
