import { element, type MemoryViews } from "./memory-views.js";

/** Kernel functions for moving values (transpose, repeat, slices) and normalisation: exported by assembly/layout.as, mirrored here in JavaScript. */
export interface LayoutFunctions {
  /** y, contiguous [d0, d1, d2, d3], = x[i0·s0 + i1·s1 + i2·s2 + i3·s3], moved bit for bit (float32 or int32); a stride of 0 repeats. */
  stridedCopy(x: number, y: number, d0: number, d1: number, d2: number, d3: number, s0: number, s1: number, s2: number, s3: number): void;
  /** y = x · scale + offset, element-wise, the product rounded to float32 before the sum. */
  rescale(x: number, y: number, count: number, scale: number, offset: number): void;
  /** Along the middle axis of [outer, length, inner]: y = (x − mean) / sqrt(variance + epsilon) · gamma[i] + beta[i]; gamma, beta 0 for none. */
  layerNormAxis(x: number, y: number, outer: number, length: number, inner: number, gamma: number, beta: number, epsilon: number): void;
  /** Along the middle axis of [outer, channels, inner]: y = (x − mean[c]) · factor[c] + offset[c]. */
  normalizeChannels(x: number, y: number, outer: number, channels: number, inner: number, mean: number, factor: number, offset: number): void;
  /** y [time, features] = sin (even i) or cos (odd i) of float32(p · float32(base^(2⌊i/2⌋ / features))). */
  sinePositions(y: number, time: number, features: number, base: number): void;
}

/** The JavaScript kernel's LayoutFunctions. */
export function jsLayoutFunctions(memory: MemoryViews): LayoutFunctions {
  return {
    stridedCopy(x, y, d0, d1, d2, d3, s0, s1, s2, s3) {
      // As int32: copying float32 through JavaScript numbers could change NaN bit patterns of int32 values.
      const v = memory.i32;
      let out = element(y);
      for (let i0 = 0; i0 < d0; i0++) {
        for (let i1 = 0; i1 < d1; i1++) {
          for (let i2 = 0; i2 < d2; i2++) {
            const row = element(x) + i0 * s0 + i1 * s1 + i2 * s2;
            if (s3 === 1) v.copyWithin(out, row, row + d3);
            else for (let i3 = 0; i3 < d3; i3++) v[out + i3] = v[row + i3 * s3]!;
            out += d3;
          }
        }
      }
    },
    rescale(x, y, count, scale, offset) {
      const f = memory.f32;
      const [s, o] = [Math.fround(scale), Math.fround(offset)];
      for (let i = 0; i < count; i++) f[element(y) + i] = Math.fround(f[element(x) + i]! * s) + o;
    },
    layerNormAxis(x, y, outer, length, inner, gamma, beta, epsilon) {
      const f = memory.f32;
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * length * inner + j;
          const at = (i: number) => base + i * inner;
          let sum = 0;
          for (let i = 0; i < length; i++) sum += f[element(x) + at(i)]!;
          const mean = sum / length;
          let squares = 0;
          for (let i = 0; i < length; i++) squares += (f[element(x) + at(i)]! - mean) ** 2;
          const inverse = 1 / Math.sqrt(squares / length + epsilon);
          for (let i = 0; i < length; i++) {
            let value = (f[element(x) + at(i)]! - mean) * inverse;
            if (gamma) value *= f[element(gamma) + i]!;
            if (beta) value += f[element(beta) + i]!;
            f[element(y) + at(i)] = value;
          }
        }
      }
    },
    normalizeChannels(x, y, outer, channels, inner, mean, factor, offset) {
      const f = memory.f32;
      for (let o = 0; o < outer; o++) {
        for (let c = 0; c < channels; c++) {
          const [m, k, b] = [f[element(mean) + c]!, f[element(factor) + c]!, f[element(offset) + c]!];
          const row = (o * channels + c) * inner;
          for (let j = 0; j < inner; j++) f[element(y) + row + j] = (f[element(x) + row + j]! - m) * k + b;
        }
      }
    },
    sinePositions(y, time, features, base) {
      const f = memory.f32;
      for (let i = 0; i < features; i++) {
        const exponent = Math.fround(Math.fround(2 * Math.floor(i / 2)) / features);
        const timescale = Math.fround(Math.pow(Math.fround(base), exponent));
        for (let p = 0; p < time; p++) {
          const angle = Math.fround(p * timescale);
          f[element(y) + p * features + i] = i % 2 === 1 ? Math.cos(angle) : Math.sin(angle);
        }
      }
    },
  };
}
