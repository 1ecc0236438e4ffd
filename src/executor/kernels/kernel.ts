import type { WasmMemory } from "./web-assembly.js";
import type { AttentionFunctions } from "./attention-kernel.js";
import type { ActivationCode, BinaryCode } from "./codes.js";
import type { ConvolutionFunctions } from "./convolution-kernel.js";
import type { LayoutFunctions } from "./layout-kernel.js";
import type { RecurrentFunctions } from "./recurrent-kernel.js";

/** Which implementation runs the executor's arithmetic. */
export type KernelName = "wasm-simd" | "js";

/**
 * The executor's primitive operations. Both kernels implement exactly these signatures:
 * pointers are byte offsets into the kernel's memory, counts and strides are in elements
 * (row strides as `ld…`), an absent optional pointer is 0. The names are the WebAssembly
 * exports, so a recorded call can be replayed on either kernel, in any thread.
 */
export interface KernelFunctions extends RecurrentFunctions, ConvolutionFunctions, LayoutFunctions, AttentionFunctions {
  /** c = act(a · b + bias + addend), b packed (see pack.ts). */
  gemm(
    a: number, lda: number, b: number, bias: number, addend: number, ldAdd: number,
    c: number, ldc: number, m: number, n: number, k: number, activation: ActivationCode,
  ): void;
  /** y = activation(x), row by row (softmax kinds along each row). */
  activateRows(x: number, ldx: number, y: number, ldy: number, rows: number, width: number, activation: ActivationCode): void;
  /** Softmax (log = 1: log-softmax) along the middle axis of [outer, length, inner]. */
  softmaxAxis(x: number, y: number, outer: number, length: number, inner: number, log: number): void;
  /** One fused LSTM step with sigmoid gates and tanh. */
  lstmStep(z: number, ldz: number, c: number, h: number, out: number, ldOut: number, rows: number, units: number): void;
  /** c = f·c + i·g on activated gates. */
  lstmCell(z: number, ldz: number, c: number, rows: number, units: number): void;
  /** h = o · t, also written to out unless out is 0. */
  lstmHidden(z: number, ldz: number, t: number, h: number, out: number, ldOut: number, rows: number, units: number): void;
  /** c[b] = a[b] · b[b] for strided a and b, c contiguous [batch, m, n]. */
  batchMatmul(
    a: number, aBatch: number, aRow: number, aK: number,
    b: number, bBatch: number, bK: number, bColumn: number,
    c: number, batch: number, m: number, n: number, k: number,
  ): void;
  /** out[i] = a[i·strideA] op b[i·strideB]; stride 0 broadcasts one value. */
  binary(op: BinaryCode, a: number, strideA: number, b: number, strideB: number, out: number, count: number): void;
  scale(x: number, factor: number, y: number, count: number): void;
  addRowVector(x: number, ldx: number, v: number, rows: number, width: number): void;
  l2NormalizeAxis(x: number, y: number, outer: number, length: number, inner: number): void;
  copyRows(src: number, lds: number, dst: number, ldd: number, rows: number, width: number): void;
  /** out[r] = table[ids[r]] (ids are int32). */
  gather(table: number, width: number, ids: number, count: number, out: number, ldOut: number): void;
  fill(x: number, value: number, count: number): void;
  /** out[i] = 1 where the int32 ids[i] is not 0, else 0 (a mask from padded token IDs). */
  nonZeroMask(ids: number, out: number, count: number): void;
}

export type KernelFunctionName = keyof KernelFunctions;

/** A kernel: its functions, bound to one memory. */
export interface Kernel {
  readonly name: KernelName;
  readonly functions: KernelFunctions;
  readonly memory: WasmMemory;
}
