// Activation functions by number (the same numbering as src/executor/kernels/codes.ts),
// applied to rows of a matrix. Softmax and log-softmax work along each row; the others element-wise.
import { erf4, exp4, log4, sigmoid4, softplus4, tanh4 } from "./vector-math";

export const LINEAR = 0;
export const RELU = 1;
export const RELU6 = 2;
export const ELU = 3;
export const SELU = 4;
export const SIGMOID = 5;
export const HARD_SIGMOID = 6;
export const TANH = 7;
export const SOFTPLUS = 8;
export const SOFTSIGN = 9;
export const SWISH = 10;
export const MISH = 11;
export const GELU = 12;
export const SOFTMAX = 13;
export const LOG_SOFTMAX = 14;

@inline function k(x: f32): v128 {
  return f32x4.splat(x);
}

/** An element-wise activation on four lanes (softmax kinds are not element-wise: see activateRows). */
export function activate4(x: v128, kind: i32): v128 {
  switch (kind) {
    case RELU:
      return f32x4.pmax(x, k(0.0));
    case RELU6:
      return f32x4.pmin(f32x4.pmax(x, k(0.0)), k(6.0));
    case ELU:
      return v128.bitselect(x, f32x4.sub(exp4(x), k(1.0)), f32x4.gt(x, k(0.0)));
    case SELU: {
      const negative = f32x4.mul(k(1.6732632423543772), f32x4.sub(exp4(x), k(1.0)));
      return f32x4.mul(k(1.0507009873554805), v128.bitselect(x, negative, f32x4.gt(x, k(0.0))));
    }
    case SIGMOID:
      return sigmoid4(x);
    case HARD_SIGMOID:
      return f32x4.pmin(f32x4.pmax(f32x4.add(f32x4.mul(x, k(0.2)), k(0.5)), k(0.0)), k(1.0));
    case TANH:
      return tanh4(x);
    case SOFTPLUS:
      return softplus4(x);
    case SOFTSIGN:
      return f32x4.div(x, f32x4.add(f32x4.abs(x), k(1.0)));
    case SWISH:
      return f32x4.mul(sigmoid4(x), x);
    case MISH:
      return f32x4.mul(x, tanh4(softplus4(x)));
    case GELU:
      return f32x4.mul(x, f32x4.mul(k(0.5), f32x4.add(k(1.0), erf4(f32x4.div(x, k(1.4142135623730951))))));
    default:
      return x;
  }
}

/** One element through activate4, so that tails compute exactly what full lanes do. */
@inline function activate1(x: f32, kind: i32): f32 {
  return f32x4.extract_lane(activate4(f32x4.splat(x), kind), 0);
}

/** y[r, :] = activation(x[r, :]) for `rows` rows of `width` values; strides in elements. x may be y. */
export function activateRows(x: usize, ldx: i32, y: usize, ldy: i32, rows: i32, width: i32, kind: i32): void {
  for (let r = 0; r < rows; r++) {
    const src = x + (<usize>r * <usize>ldx << 2);
    const dst = y + (<usize>r * <usize>ldy << 2);
    if (kind == SOFTMAX || kind == LOG_SOFTMAX) softmaxRow(src, dst, width, kind == LOG_SOFTMAX);
    else if (kind == LINEAR) {
      if (src != dst) memory.copy(dst, src, <usize>width << 2);
    } else {
      let i = 0;
      for (; i + 4 <= width; i += 4) v128.store(dst + (<usize>i << 2), activate4(v128.load(src + (<usize>i << 2)), kind));
      for (; i < width; i++) store<f32>(dst + (<usize>i << 2), activate1(load<f32>(src + (<usize>i << 2)), kind));
    }
  }
}

@inline function horizontalMax(v: v128): f32 {
  return max(max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)), max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)));
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** Softmax (or log-softmax) of one contiguous row: e^(x − max) / Σ e^(x − max). */
function softmaxRow(x: usize, y: usize, n: i32, log: bool): void {
  let top = f32x4.splat(-Infinity);
  let i = 0;
  for (; i + 4 <= n; i += 4) top = f32x4.max(top, v128.load(x + (<usize>i << 2)));
  let m = horizontalMax(top);
  for (; i < n; i++) m = max(m, load<f32>(x + (<usize>i << 2)));
  const shift = f32x4.splat(m);
  let sums = f32x4.splat(0);
  i = 0;
  for (; i + 4 <= n; i += 4) {
    const e = exp4(f32x4.sub(v128.load(x + (<usize>i << 2)), shift));
    if (!log) v128.store(y + (<usize>i << 2), e);
    sums = f32x4.add(sums, e);
  }
  let sum = horizontalSum(sums);
  for (; i < n; i++) {
    const e = f32x4.extract_lane(exp4(f32x4.splat(load<f32>(x + (<usize>i << 2)) - m)), 0);
    if (!log) store<f32>(y + (<usize>i << 2), e);
    sum += e;
  }
  if (log) {
    const offset = f32x4.splat(m + f32x4.extract_lane(log4(f32x4.splat(sum)), 0));
    i = 0;
    for (; i + 4 <= n; i += 4) v128.store(y + (<usize>i << 2), f32x4.sub(v128.load(x + (<usize>i << 2)), offset));
    const o = f32x4.extract_lane(offset, 0);
    for (; i < n; i++) store<f32>(y + (<usize>i << 2), load<f32>(x + (<usize>i << 2)) - o);
  } else {
    const total = f32x4.splat(sum);
    i = 0;
    for (; i + 4 <= n; i += 4) v128.store(y + (<usize>i << 2), f32x4.div(v128.load(y + (<usize>i << 2)), total));
    for (; i < n; i++) store<f32>(y + (<usize>i << 2), load<f32>(y + (<usize>i << 2)) / sum);
  }
}

/**
 * Softmax (or log-softmax) along the middle axis of an [outer, length, inner] array. With
 * inner 1 that is each contiguous row; otherwise four inner positions are done at once.
 */
export function softmaxAxis(x: usize, y: usize, outer: i32, length: i32, inner: i32, log: i32): void {
  if (inner == 1) {
    activateRows(x, length, y, length, outer, length, log ? LOG_SOFTMAX : SOFTMAX);
    return;
  }
  const step = <usize>inner << 2;
  for (let o = 0; o < outer; o++) {
    const base = <usize>o * <usize>length * step;
    let j = 0;
    for (; j + 4 <= inner; j += 4) softmaxColumns(x + base + (<usize>j << 2), y + base + (<usize>j << 2), length, step, log != 0);
    for (; j < inner; j++) softmaxColumn(x + base + (<usize>j << 2), y + base + (<usize>j << 2), length, step, log != 0);
  }
}

/** Softmax along a strided axis for four adjacent columns at once. */
function softmaxColumns(x: usize, y: usize, length: i32, step: usize, log: bool): void {
  let top = f32x4.splat(-Infinity);
  for (let i = 0; i < length; i++) top = f32x4.max(top, v128.load(x + <usize>i * step));
  let sum = f32x4.splat(0);
  for (let i = 0; i < length; i++) {
    const e = exp4(f32x4.sub(v128.load(x + <usize>i * step), top));
    if (!log) v128.store(y + <usize>i * step, e);
    sum = f32x4.add(sum, e);
  }
  if (log) {
    const offset = f32x4.add(top, log4(sum));
    for (let i = 0; i < length; i++) v128.store(y + <usize>i * step, f32x4.sub(v128.load(x + <usize>i * step), offset));
  } else {
    for (let i = 0; i < length; i++) v128.store(y + <usize>i * step, f32x4.div(v128.load(y + <usize>i * step), sum));
  }
}

/** Softmax along a strided axis for one column (the tail of softmaxColumns). */
function softmaxColumn(x: usize, y: usize, length: i32, step: usize, log: bool): void {
  let m: f32 = -Infinity;
  for (let i = 0; i < length; i++) m = max(m, load<f32>(x + <usize>i * step));
  let sum: f32 = 0;
  for (let i = 0; i < length; i++) {
    const e = f32x4.extract_lane(exp4(f32x4.splat(load<f32>(x + <usize>i * step) - m)), 0);
    if (!log) store<f32>(y + <usize>i * step, e);
    sum += e;
  }
  if (log) {
    const offset = m + f32x4.extract_lane(log4(f32x4.splat(sum)), 0);
    for (let i = 0; i < length; i++) store<f32>(y + <usize>i * step, load<f32>(x + <usize>i * step) - offset);
  } else {
    for (let i = 0; i < length; i++) store<f32>(y + <usize>i * step, load<f32>(y + <usize>i * step) / sum);
  }
}
