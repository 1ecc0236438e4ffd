import type { BackendValues, DataId, DataType, KernelConfig, KernelFunc, TensorInfo, UnsortedSegmentSumAttrs } from "@tensorflow/tfjs";
import { addSegments, segmentSumInputs } from "./segment-sum.js";

/** What this kernel uses of tfjs's cpu backend (MathBackendCPU). */
interface CpuBackend {
  readSync(dataId: DataId): BackendValues;
  makeTensorInfo(shape: number[], dtype: DataType, values: BackendValues): TensorInfo;
}

/**
 * UnsortedSegmentSum for the cpu backend in one pass over x. tfjs's own builds a mask per
 * segment (O(segments × size of x)): for the gradient of an Embedding of 1,000 words that is a
 * thousand passes over the batch, which made a training step on cpu take seconds.
 */
export function unsortedSegmentSumCpu(args: {
  inputs: { x?: TensorInfo; segmentIds?: TensorInfo };
  backend: CpuBackend;
  attrs: UnsortedSegmentSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, segmentIds, shape, inner } = segmentSumInputs(inputs, attrs.numSegments);
  const out = x.dtype === "int32" ? new Int32Array(attrs.numSegments * inner) : new Float32Array(attrs.numSegments * inner);
  addSegments(backend.readSync(x.dataId) as Float32Array | Int32Array, backend.readSync(segmentIds.dataId) as Int32Array, inner, attrs.numSegments, out);
  return backend.makeTensorInfo(shape, x.dtype, out);
}

export const unsortedSegmentSumCpuConfig: KernelConfig = {
  kernelName: "UnsortedSegmentSum",
  backendName: "cpu",
  // tfjs types kernels loosely (any backend, any attrs); this one runs only on cpu.
  kernelFunc: unsortedSegmentSumCpu as unknown as KernelFunc,
};
