import { element, type MemoryViews } from "./memory-views.js";

/**
 * Kernel functions for the recurrent layers beyond the LSTM step (GRU, masked steps): exported
 * by assembly/recurrence.as, mirrored here in JavaScript. A mask is float32 [batch, time], read
 * at mask + r·ldMask for row r (0 keeps the row's states, as tfjs's rnn() does on padding).
 */
export interface RecurrentFunctions {
  /** lstmStep, except that rows whose mask is 0 keep c and h (and write the kept h to out). */
  lstmStepMasked(z: number, ldz: number, c: number, h: number, out: number, ldOut: number, rows: number, units: number, mask: number, ldMask: number): void;
  /** state[r] = previous[r] for each row r whose mask is 0 (contiguous [rows, width] buffers). */
  keepMaskedRows(state: number, previous: number, rows: number, width: number, mask: number, ldMask: number): void;
  /** GRU: out = r ⊙ h, r being the activated reset gate z[:, units:2·units] ([z | r | hh] rows of stride ldz). */
  gruReset(z: number, ldz: number, h: number, out: number, rows: number, units: number): void;
  /**
   * GRU: h = z ⊙ h + (1 − z) ⊙ hh in place, z and hh activated in [z | r | hh] rows; rows whose
   * mask is 0 keep h (mask 0: no mask). h is also written to out (stride ldOut) unless out is 0.
   */
  gruUpdate(z: number, ldz: number, h: number, out: number, ldOut: number, rows: number, units: number, mask: number, ldMask: number): void;
}

/** The JavaScript kernel's RecurrentFunctions. */
export function jsRecurrentFunctions(memory: MemoryViews): RecurrentFunctions {
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  /** Whether row r is padding at this step (its mask is 0; no mask: never). */
  const padding = (f: Float32Array<ArrayBufferLike>, mask: number, ldMask: number, r: number) => mask !== 0 && f[element(mask) + r * ldMask] === 0;

  return {
    lstmStepMasked(z, ldz, c, h, out, ldOut, rows, units, mask, ldMask) {
      const f = memory.f32;
      for (let r = 0; r < rows; r++) {
        const [zi, cr, hr, or] = [element(z) + r * ldz, element(c) + r * units, element(h) + r * units, element(out) + r * ldOut];
        const keep = padding(f, mask, ldMask, r);
        for (let u = 0; u < units; u++) {
          if (!keep) {
            const cell = Math.fround(sigmoid(f[zi + units + u]!) * f[cr + u]! + sigmoid(f[zi + u]!) * Math.tanh(f[zi + 2 * units + u]!));
            f[cr + u] = cell;
            f[hr + u] = sigmoid(f[zi + 3 * units + u]!) * Math.tanh(cell);
          }
          if (out) f[or + u] = f[hr + u]!;
        }
      }
    },
    keepMaskedRows(state, previous, rows, width, mask, ldMask) {
      const f = memory.f32;
      for (let r = 0; r < rows; r++) {
        const from = element(previous) + r * width;
        if (padding(f, mask, ldMask, r)) f.copyWithin(element(state) + r * width, from, from + width);
      }
    },
    gruReset(z, ldz, h, out, rows, units) {
      const f = memory.f32;
      for (let r = 0; r < rows; r++) {
        const [zr, hr, or] = [element(z) + r * ldz + units, element(h) + r * units, element(out) + r * units];
        for (let u = 0; u < units; u++) f[or + u] = f[zr + u]! * f[hr + u]!;
      }
    },
    gruUpdate(z, ldz, h, out, ldOut, rows, units, mask, ldMask) {
      const f = memory.f32;
      for (let r = 0; r < rows; r++) {
        const [zu, hr, or] = [element(z) + r * ldz, element(h) + r * units, element(out) + r * ldOut];
        const keep = padding(f, mask, ldMask, r);
        for (let u = 0; u < units; u++) {
          const gate = f[zu + u]!;
          if (!keep) f[hr + u] = gate * f[hr + u]! + (1 - gate) * f[zu + 2 * units + u]!;
          if (out) f[or + u] = f[hr + u]!;
        }
      }
    },
  };
}
