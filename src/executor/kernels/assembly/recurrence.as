// The element-wise part of one recurrent time step. The matrix part (h · recurrent_kernel plus
// the hoisted input projection) is one gemm call per step, all four LSTM gates at once.
import { sigmoid4, tanh4 } from "./vector-math";

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/**
 * One LSTM step with Keras's default activations (sigmoid gates, tanh), fused:
 * z holds the pre-activations [i | f | g | o] of `rows` rows (stride ldz); c and h are the
 * contiguous [rows, units] states, updated in place; h is also written to out (stride ldOut) unless out is 0.
 */
export function lstmStep(z: usize, ldz: i32, c: usize, h: usize, out: usize, ldOut: i32, rows: i32, units: i32): void {
  for (let r = 0; r < rows; r++) {
    const zi = at(z, r * ldz);
    const zf = at(zi, units);
    const zg = at(zf, units);
    const zo = at(zg, units);
    const cr = at(c, r * units);
    const hr = at(h, r * units);
    const or = out ? at(out, r * ldOut) : 0;
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = u << 2;
      const cell = f32x4.add(
        f32x4.mul(sigmoid4(v128.load(zf + o)), v128.load(cr + o)),
        f32x4.mul(sigmoid4(v128.load(zi + o)), tanh4(v128.load(zg + o))),
      );
      const hidden = f32x4.mul(sigmoid4(v128.load(zo + o)), tanh4(cell));
      v128.store(cr + o, cell);
      v128.store(hr + o, hidden);
      if (or) v128.store(or + o, hidden);
    }
    for (; u < units; u++) {
      const o = u << 2;
      const cell = f32x4.add(
        f32x4.mul(sigmoid4(f32x4.splat(load<f32>(zf + o))), f32x4.splat(load<f32>(cr + o))),
        f32x4.mul(sigmoid4(f32x4.splat(load<f32>(zi + o))), tanh4(f32x4.splat(load<f32>(zg + o)))),
      );
      const hidden = f32x4.extract_lane(f32x4.mul(sigmoid4(f32x4.splat(load<f32>(zo + o))), tanh4(cell)), 0);
      store<f32>(cr + o, f32x4.extract_lane(cell, 0));
      store<f32>(hr + o, hidden);
      if (or) store<f32>(or + o, hidden);
    }
  }
}

/** c = f·c + i·g for gates already activated (any activations): z is [i | f | g | o] per row. */
export function lstmCell(z: usize, ldz: i32, c: usize, rows: i32, units: i32): void {
  for (let r = 0; r < rows; r++) {
    const zi = at(z, r * ldz);
    const zf = at(zi, units);
    const zg = at(zf, units);
    const cr = at(c, r * units);
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = u << 2;
      const cell = f32x4.add(f32x4.mul(v128.load(zf + o), v128.load(cr + o)), f32x4.mul(v128.load(zi + o), v128.load(zg + o)));
      v128.store(cr + o, cell);
    }
    for (; u < units; u++) {
      const o = u << 2;
      store<f32>(cr + o, load<f32>(zf + o) * load<f32>(cr + o) + load<f32>(zi + o) * load<f32>(zg + o));
    }
  }
}

/** h = o · t, where t is activation(c) ([rows, units]) and o the activated output gate in z. */
export function lstmHidden(z: usize, ldz: i32, t: usize, h: usize, out: usize, ldOut: i32, rows: i32, units: i32): void {
  for (let r = 0; r < rows; r++) {
    const zo = at(z, r * ldz + 3 * units);
    const tr = at(t, r * units);
    const hr = at(h, r * units);
    const or = out ? at(out, r * ldOut) : 0;
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = u << 2;
      const hidden = f32x4.mul(v128.load(zo + o), v128.load(tr + o));
      v128.store(hr + o, hidden);
      if (or) v128.store(or + o, hidden);
    }
    for (; u < units; u++) {
      const o = u << 2;
      const hidden = load<f32>(zo + o) * load<f32>(tr + o);
      store<f32>(hr + o, hidden);
      if (or) store<f32>(or + o, hidden);
    }
  }
}
