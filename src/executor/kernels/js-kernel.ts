import type { WasmMemory } from "./web-assembly.js";
import { ACTIVATION_CODES, BINARY_CODES, type ActivationCode, type BinaryCode } from "./codes.js";
import { activate1 } from "./js-activations.js";
import { jsAttentionFunctions } from "./attention-kernel.js";
import { jsConvolutionFunctions } from "./convolution-kernel.js";
import type { Kernel, KernelFunctions } from "./kernel.js";
import { jsLayoutFunctions } from "./layout-kernel.js";
import { element, MemoryViews } from "./memory-views.js";
import { jsRecurrentFunctions } from "./recurrent-kernel.js";
import { PANEL } from "./pack.js";

/**
 * The kernel in plain JavaScript: the same functions as the WebAssembly kernel, for when that
 * cannot load. Same memory layout (byte pointers into one WebAssembly.Memory), so the executor's
 * plans do not depend on which kernel runs them. Arithmetic is in double precision, stored as float32.
 */
export function createJsKernel(memory: WasmMemory): Kernel {
  const memoryViews = new MemoryViews(memory);
  let f = memoryViews.f32;
  let n32 = memoryViews.i32;
  // Called first in each function: the memory may have grown since (its views are then new).
  const views = () => {
    f = memoryViews.f32;
    n32 = memoryViews.i32;
  };
  const w = element;

  function activateRow(x: number, y: number, width: number, code: ActivationCode): void {
    if (code === ACTIVATION_CODES.softmax || code === ACTIVATION_CODES.log_softmax) {
      softmaxStrided(x, y, width, 1, code === ACTIVATION_CODES.log_softmax);
      return;
    }
    for (let i = 0; i < width; i++) f[y + i] = activate1(code, f[x + i]!);
  }

  /** Softmax of `length` values `step` elements apart (element indices). */
  function softmaxStrided(x: number, y: number, length: number, step: number, log: boolean): void {
    let top = -Infinity;
    for (let i = 0; i < length; i++) top = Math.max(top, f[x + i * step]!);
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Math.exp(f[x + i * step]! - top);
    if (log) {
      const offset = top + Math.log(sum);
      for (let i = 0; i < length; i++) f[y + i * step] = f[x + i * step]! - offset;
    } else {
      for (let i = 0; i < length; i++) f[y + i * step] = Math.exp(f[x + i * step]! - top) / sum;
    }
  }

  function combine(op: BinaryCode, a: number, b: number): number {
    switch (op) {
      case BINARY_CODES.subtract:
        return a - b;
      case BINARY_CODES.multiply:
        return a * b;
      case BINARY_CODES.maximum:
        return Math.max(a, b);
      case BINARY_CODES.minimum:
        return Math.min(a, b);
      default:
        return a + b;
    }
  }

  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

  const functions: KernelFunctions = {
    ...jsRecurrentFunctions(memoryViews),
    ...jsConvolutionFunctions(memoryViews),
    ...jsLayoutFunctions(memoryViews),
    ...jsAttentionFunctions(memoryViews),
    gemm(a, lda, b, bias, addend, ldAdd, c, ldc, m, n, k, activation) {
      views();
      const F = f;
      const sums = new Float64Array(PANEL);
      for (let column = 0; column < n; column += PANEL) {
        const width = Math.min(PANEL, n - column);
        const panel = w(b) + column * k;
        for (let i = 0; i < m; i++) {
          const at = (j: number) => (bias ? F[w(bias) + column + j]! : 0) + (addend && j < width ? F[w(addend) + i * ldAdd + column + j]! : 0);
          // Eight scalar accumulators: the panel's row of 8 weights is contiguous.
          let [s0, s1, s2, s3, s4, s5, s6, s7] = [at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)];
          const row = w(a) + i * lda;
          for (let kk = 0, p = panel; kk < k; kk++, p += PANEL) {
            const x = F[row + kk]!;
            s0 += x * F[p]!;
            s1 += x * F[p + 1]!;
            s2 += x * F[p + 2]!;
            s3 += x * F[p + 3]!;
            s4 += x * F[p + 4]!;
            s5 += x * F[p + 5]!;
            s6 += x * F[p + 6]!;
            s7 += x * F[p + 7]!;
          }
          sums.set([s0, s1, s2, s3, s4, s5, s6, s7]);
          const out = w(c) + i * ldc + column;
          for (let j = 0; j < width; j++) F[out + j] = activation ? activate1(activation, Math.fround(sums[j]!)) : sums[j]!;
        }
      }
    },
    activateRows(x, ldx, y, ldy, rows, width, activation) {
      views();
      for (let r = 0; r < rows; r++) activateRow(w(x) + r * ldx, w(y) + r * ldy, width, activation);
    },
    softmaxAxis(x, y, outer, length, inner, log) {
      views();
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * length * inner + j;
          softmaxStrided(w(x) + base, w(y) + base, length, inner, log !== 0);
        }
      }
    },
    lstmStep(z, ldz, c, h, out, ldOut, rows, units) {
      views();
      for (let r = 0; r < rows; r++) {
        const zi = w(z) + r * ldz;
        const [cr, hr, or] = [w(c) + r * units, w(h) + r * units, w(out) + r * ldOut];
        for (let u = 0; u < units; u++) {
          const cell = sigmoid(f[zi + units + u]!) * f[cr + u]! + sigmoid(f[zi + u]!) * Math.tanh(f[zi + 2 * units + u]!);
          f[cr + u] = cell;
          const hidden = sigmoid(f[zi + 3 * units + u]!) * Math.tanh(f[cr + u]!);
          f[hr + u] = hidden;
          if (out) f[or + u] = hidden;
        }
      }
    },
    lstmCell(z, ldz, c, rows, units) {
      views();
      for (let r = 0; r < rows; r++) {
        const zi = w(z) + r * ldz;
        const cr = w(c) + r * units;
        for (let u = 0; u < units; u++) f[cr + u] = f[zi + units + u]! * f[cr + u]! + f[zi + u]! * f[zi + 2 * units + u]!;
      }
    },
    lstmHidden(z, ldz, t, h, out, ldOut, rows, units) {
      views();
      for (let r = 0; r < rows; r++) {
        const zo = w(z) + r * ldz + 3 * units;
        const [tr, hr, or] = [w(t) + r * units, w(h) + r * units, w(out) + r * ldOut];
        for (let u = 0; u < units; u++) {
          const hidden = f[zo + u]! * f[tr + u]!;
          f[hr + u] = hidden;
          if (out) f[or + u] = hidden;
        }
      }
    },
    batchMatmul(a, aBatch, aRow, aK, b, bBatch, bK, bColumn, c, batch, m, n, k) {
      views();
      for (let s = 0; s < batch; s++) {
        for (let i = 0; i < m; i++) {
          const ai = w(a) + s * aBatch + i * aRow;
          for (let j = 0; j < n; j++) {
            const bj = w(b) + s * bBatch + j * bColumn;
            let sum = 0;
            for (let kk = 0; kk < k; kk++) sum += f[ai + kk * aK]! * f[bj + kk * bK]!;
            f[w(c) + (s * m + i) * n + j] = sum;
          }
        }
      }
    },
    binary(op, a, strideA, b, strideB, out, count) {
      views();
      for (let i = 0; i < count; i++) f[w(out) + i] = combine(op, f[w(a) + i * strideA]!, f[w(b) + i * strideB]!);
    },
    scale(x, factor, y, count) {
      views();
      const factor32 = Math.fround(factor);
      for (let i = 0; i < count; i++) f[w(y) + i] = f[w(x) + i]! * factor32;
    },
    addRowVector(x, ldx, v, rows, width) {
      views();
      for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) f[w(x) + r * ldx + j]! += f[w(v) + j]!;
    },
    l2NormalizeAxis(x, y, outer, length, inner) {
      views();
      for (let o = 0; o < outer; o++) {
        for (let j = 0; j < inner; j++) {
          const base = o * length * inner + j;
          let sum = 0;
          for (let i = 0; i < length; i++) sum += f[w(x) + base + i * inner]! ** 2;
          const norm = Math.sqrt(Math.max(Math.fround(sum), 1e-7));
          for (let i = 0; i < length; i++) f[w(y) + base + i * inner] = f[w(x) + base + i * inner]! / norm;
        }
      }
    },
    copyRows(src, lds, dst, ldd, rows, width) {
      views();
      for (let r = 0; r < rows; r++) f.copyWithin(w(dst) + r * ldd, w(src) + r * lds, w(src) + r * lds + width);
    },
    gather(table, width, ids, count, out, ldOut) {
      views();
      for (let r = 0; r < count; r++) {
        const row = w(table) + n32[w(ids) + r]! * width;
        f.copyWithin(w(out) + r * ldOut, row, row + width);
      }
    },
    fill(x, value, count) {
      views();
      f.fill(value, w(x), w(x) + count);
    },
    nonZeroMask(ids, out, count) {
      views();
      for (let i = 0; i < count; i++) f[w(out) + i] = n32[w(ids) + i] !== 0 ? 1 : 0;
    },
  };
  return { name: "js", functions, memory };
}
