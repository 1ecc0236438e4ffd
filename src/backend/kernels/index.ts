import type { Tf } from "../backend.js";
import { unsortedSegmentSumCpuConfig } from "./unsorted-segment-sum-cpu.js";
import { unsortedSegmentSumWasmConfig } from "./unsorted-segment-sum-wasm.js";

/**
 * Kernels nnspec gives TensorFlow.js backends: UnsortedSegmentSum (the gradient of a gather,
 * so of every Embedding), which the wasm backend lacks and the cpu backend has only in a form
 * that takes seconds per training step.
 */
const kernels = [unsortedSegmentSumWasmConfig, unsortedSegmentSumCpuConfig];

/**
 * Registers nnspec's kernels with TensorFlow.js, in place of any registered before. Call once
 * TensorFlow.js is loaded; calling again changes nothing.
 */
export function registerKernels(tf: Tf): void {
  for (const config of kernels) {
    const current = tf.getKernel(config.kernelName, config.backendName);
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
}
