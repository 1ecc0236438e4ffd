import type { KernelConfig, KernelFunc, TensorInfo, UnsortedSegmentSumAttrs } from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { addSegments, segmentSumInputs } from "./segment-sum.js";

/**
 * UnsortedSegmentSum for the wasm backend, which ships none: the gradient of a gather (so of
 * Embedding) needs it, and without it `fit` fails on wasm. Ids outside [0, numSegments)
 * contribute nothing, as in TensorFlow. Computed in JS on views of the wasm heap.
 */
export function unsortedSegmentSumWasm(args: {
  inputs: { x?: TensorInfo; segmentIds?: TensorInfo };
  backend: BackendWasm;
  attrs: UnsortedSegmentSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, segmentIds, shape, inner } = segmentSumInputs(inputs, attrs.numSegments);
  // makeOutput may grow the wasm heap, which detaches earlier views: take the views after it.
  const out = backend.makeOutput(shape, x.dtype);
  const outValues = backend.typedArrayFromHeap(out);
  outValues.fill(0);
  addSegments(backend.typedArrayFromHeap(x), backend.typedArrayFromHeap(segmentIds), inner, attrs.numSegments, outValues);
  return out;
}

export const unsortedSegmentSumWasmConfig: KernelConfig = {
  kernelName: "UnsortedSegmentSum",
  backendName: "wasm",
  // tfjs types kernels loosely (any backend, any attrs); this one runs only on wasm.
  kernelFunc: unsortedSegmentSumWasm as unknown as KernelFunc,
};
