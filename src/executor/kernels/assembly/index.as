// The executor's WebAssembly kernel: every export is called by name from
// src/executor/kernels/wasm-kernel.ts, with the same signature as the JavaScript kernel.
export { gemm } from "./gemm";
export { activateRows, softmaxAxis } from "./activations";
export * from "./recurrence";
export { batchMatmul, binary, scale, addRowVector, l2NormalizeAxis, copyRows, gather, fill, nonZeroMask } from "./tensor-ops";
export * from "./convolution";
export * from "./layout";
export * from "./attention";
