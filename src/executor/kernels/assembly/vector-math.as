// Element-wise math on four f32 lanes, accurate to a few ulp: Cephes's single-precision
// polynomials (exp, log, tanh) and the erf approximation TensorFlow.js uses (A&S 7.1.26).

@inline function k(x: f32): v128 {
  return f32x4.splat(x);
}

@inline function poly(x: v128, p: v128, c: f32): v128 {
  return f32x4.add(f32x4.mul(p, x), k(c));
}

/** e^x. Inputs are clamped to [-87, 88], where the result is a normal float. */
export function exp4(x: v128): v128 {
  x = f32x4.pmin(f32x4.pmax(x, k(-87.0)), k(88.0));
  const n = f32x4.nearest(f32x4.mul(x, k(1.44269504088896341)));
  let r = f32x4.sub(x, f32x4.mul(n, k(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, k(-2.12194440e-4)));
  let p = k(1.9875691500e-4);
  p = poly(r, p, 1.3981999507e-3);
  p = poly(r, p, 8.3334519073e-3);
  p = poly(r, p, 4.1665795894e-2);
  p = poly(r, p, 1.6666665459e-1);
  p = poly(r, p, 5.0000001201e-1);
  const y = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), k(1.0));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(y, scale);
}

/** Natural logarithm of positive inputs. */
export function log4(x: v128): v128 {
  const bits = x;
  let e = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(bits, 23), i32x4.splat(126)));
  // The mantissa as a float in [0.5, 1).
  let m = v128.or(v128.and(bits, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  const small = f32x4.lt(m, k(0.707106781186547524));
  e = f32x4.sub(e, v128.and(small, k(1.0)));
  m = f32x4.add(f32x4.sub(m, k(1.0)), v128.and(small, m));
  const z = f32x4.mul(m, m);
  let p = k(7.0376836292e-2);
  p = poly(m, p, -1.1514610310e-1);
  p = poly(m, p, 1.1676998740e-1);
  p = poly(m, p, -1.2420140846e-1);
  p = poly(m, p, 1.4249322787e-1);
  p = poly(m, p, -1.6668057665e-1);
  p = poly(m, p, 2.0000714765e-1);
  p = poly(m, p, -2.4999993993e-1);
  p = poly(m, p, 3.3333331174e-1);
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = f32x4.add(y, f32x4.mul(e, k(-2.12194440e-4)));
  y = f32x4.sub(y, f32x4.mul(z, k(0.5)));
  return f32x4.add(f32x4.add(m, y), f32x4.mul(e, k(0.693359375)));
}

/** log(1 + t) for t >= 0, accurate for small t (log(u)·t/(u−1) with u = 1 + t). */
export function log1p4(t: v128): v128 {
  const u = f32x4.add(t, k(1.0));
  const d = f32x4.sub(u, k(1.0));
  const exact = f32x4.eq(d, k(0.0));
  const y = f32x4.mul(log4(u), f32x4.div(t, v128.bitselect(k(1.0), d, exact)));
  return v128.bitselect(t, y, exact);
}

/** 1 / (1 + e^-x). */
export function sigmoid4(x: v128): v128 {
  return f32x4.div(k(1.0), f32x4.add(k(1.0), exp4(f32x4.neg(x))));
}

/** tanh: an odd polynomial near 0 (no cancellation), 1 − 2/(e^2|x| + 1) elsewhere. */
export function tanh4(x: v128): v128 {
  const a = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = k(-5.70498872745e-3);
  p = poly(z, p, 2.06390887954e-2);
  p = poly(z, p, -5.37397155531e-2);
  p = poly(z, p, 1.33314422036e-1);
  p = poly(z, p, -3.33332819422e-1);
  const near = f32x4.add(f32x4.mul(f32x4.mul(p, z), x), x);
  const e = exp4(f32x4.add(a, a));
  const far = f32x4.sub(k(1.0), f32x4.div(k(2.0), f32x4.add(e, k(1.0))));
  const signed = v128.or(far, v128.and(x, i32x4.splat(0x80000000)));
  return v128.bitselect(near, signed, f32x4.lt(a, k(0.625)));
}

/** log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|). */
export function softplus4(x: v128): v128 {
  return f32x4.add(f32x4.pmax(x, k(0.0)), log1p4(exp4(f32x4.neg(f32x4.abs(x)))));
}

/** erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), as TensorFlow.js computes it. */
export function erf4(x: v128): v128 {
  const a = f32x4.abs(x);
  const t = f32x4.div(k(1.0), f32x4.add(k(1.0), f32x4.mul(a, k(0.3275911))));
  let p = k(1.061405429);
  p = poly(t, p, -1.453152027);
  p = poly(t, p, 1.421413741);
  p = poly(t, p, -0.284496736);
  p = poly(t, p, 0.254829592);
  const y = f32x4.sub(k(1.0), f32x4.mul(f32x4.mul(p, t), exp4(f32x4.neg(f32x4.mul(a, a)))));
  return v128.or(y, v128.and(x, i32x4.splat(0x80000000)));
}
