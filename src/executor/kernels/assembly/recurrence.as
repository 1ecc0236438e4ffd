// The element-wise part of one recurrent time step. The matrix part (h · recurrent_kernel plus
// the hoisted input projection) is one gemm call per step, all four LSTM gates at once (two
// for GRU, whose candidate's product needs the reset gate first). Masked steps keep the states.
import { sigmoid4, tanh4 } from "./vector-math";

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 2);
}

/** One row of an LSTM step with sigmoid gates and tanh: c and h updated in place, h also to `or` unless 0. */
@inline function lstmRow(zi: usize, cr: usize, hr: usize, or: usize, units: i32): void {
  const zf = at(zi, units);
  const zg = at(zf, units);
  const zo = at(zg, units);
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

/** Whether row r is padding: its mask is 0 (mask 0: no mask, every row is a step). */
@inline function padding(mask: usize, ldMask: i32, r: i32): bool {
  return mask != 0 && load<f32>(at(mask, r * ldMask)) == 0;
}

/**
 * One LSTM step with Keras's default activations (sigmoid gates, tanh), fused:
 * z holds the pre-activations [i | f | g | o] of `rows` rows (stride ldz); c and h are the
 * contiguous [rows, units] states, updated in place; h is also written to out (stride ldOut) unless out is 0.
 */
export function lstmStep(z: usize, ldz: i32, c: usize, h: usize, out: usize, ldOut: i32, rows: i32, units: i32): void {
  for (let r = 0; r < rows; r++) lstmRow(at(z, r * ldz), at(c, r * units), at(h, r * units), out ? at(out, r * ldOut) : 0, units);
}

/** lstmStep where rows whose mask is 0 keep c and h (tfjs's rnn() on padding), the kept h still written to out. */
export function lstmStepMasked(z: usize, ldz: i32, c: usize, h: usize, out: usize, ldOut: i32, rows: i32, units: i32, mask: usize, ldMask: i32): void {
  for (let r = 0; r < rows; r++) {
    const hr = at(h, r * units);
    const or = out ? at(out, r * ldOut) : 0;
    if (!padding(mask, ldMask, r)) lstmRow(at(z, r * ldz), at(c, r * units), hr, or, units);
    else if (or) memory.copy(or, hr, <usize>units << 2);
  }
}

/** state[r] = previous[r] for the rows whose mask is 0: a masked step keeps the states it started with. */
export function keepMaskedRows(state: usize, previous: usize, rows: i32, width: i32, mask: usize, ldMask: i32): void {
  for (let r = 0; r < rows; r++) {
    if (padding(mask, ldMask, r)) memory.copy(at(state, r * width), at(previous, r * width), <usize>width << 2);
  }
}

/** GRU: out = r · h, where r is the activated reset gate, the middle third of each [z | r | hh] row of z. */
export function gruReset(z: usize, ldz: i32, h: usize, out: usize, rows: i32, units: i32): void {
  for (let r = 0; r < rows; r++) {
    const zr = at(z, r * ldz + units);
    const hr = at(h, r * units);
    const or = at(out, r * units);
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = u << 2;
      v128.store(or + o, f32x4.mul(v128.load(zr + o), v128.load(hr + o)));
    }
    for (; u < units; u++) {
      const o = u << 2;
      store<f32>(or + o, load<f32>(zr + o) * load<f32>(hr + o));
    }
  }
}

/**
 * GRU: h = z · h + (1 − z) · hh in place (tfjs's order of operations), from the activated
 * update gate z and candidate hh of each [z | r | hh] row; rows whose mask is 0 keep h.
 * h is also written to out (stride ldOut) unless out is 0.
 */
export function gruUpdate(z: usize, ldz: i32, h: usize, out: usize, ldOut: i32, rows: i32, units: i32, mask: usize, ldMask: i32): void {
  const one = f32x4.splat(1);
  for (let r = 0; r < rows; r++) {
    const hr = at(h, r * units);
    const or = out ? at(out, r * ldOut) : 0;
    if (padding(mask, ldMask, r)) {
      if (or) memory.copy(or, hr, <usize>units << 2);
      continue;
    }
    const zu = at(z, r * ldz);
    const zh = at(zu, 2 * units);
    let u = 0;
    for (; u + 4 <= units; u += 4) {
      const o = u << 2;
      const gate = v128.load(zu + o);
      const hidden = f32x4.add(f32x4.mul(gate, v128.load(hr + o)), f32x4.mul(f32x4.sub(one, gate), v128.load(zh + o)));
      v128.store(hr + o, hidden);
      if (or) v128.store(or + o, hidden);
    }
    for (; u < units; u++) {
      const o = u << 2;
      const gate = load<f32>(zu + o);
      const hidden = gate * load<f32>(hr + o) + (<f32>1 - gate) * load<f32>(zh + o);
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
