import type { Tf } from "../backend.js";
import { unsortedSegmentSumWasmConfig } from "./unsorted-segment-sum-wasm.js";

/** Kernels nnspec adds to TensorFlow.js backends that lack them. */
const kernels = [unsortedSegmentSumWasmConfig];

/**
 * Registers nnspec's kernels with TensorFlow.js. Idempotent: a kernel already registered (by
 * an earlier call, or by a later TensorFlow.js that ships it) is left alone.
 */
export function registerKernels(tf: Tf): void {
  for (const config of kernels) {
    if (tf.getKernel(config.kernelName, config.backendName) === undefined) tf.registerKernel(config);
  }
}
