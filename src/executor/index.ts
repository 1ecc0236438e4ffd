/**
 * The executor: runs nnspec IR directly on its own kernels (WebAssembly SIMD, or JavaScript),
 * on plain arrays, for fast inference. Import it lazily like the backend.
 */
export { ALL_OPTIMIZATIONS, createExecutor } from "./create-executor.js";
export { modelWeights } from "./model-weights.js";
export { unsupportedLayers, type Unsupported } from "./supported-layers.js";
export type { ArrayTensor, Executor, ExecutorOptions, KernelName, OptimizationName, Optimizations, OutputTensor } from "./types.js";
