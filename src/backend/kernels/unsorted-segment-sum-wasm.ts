import type { KernelConfig, KernelFunc, TensorInfo, UnsortedSegmentSumAttrs } from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/**
 * UnsortedSegmentSum for the wasm backend, which ships none: the gradient of a gather (so of
 * Embedding) needs it, and without it `fit` fails on wasm. out[s, …] = Σ x[i, …] over the i
 * with segmentIds[i] = s; ids outside [0, numSegments) contribute nothing, as in TensorFlow.
 * Computed in JS on views of the wasm heap: one pass over x, no intermediate tensors (the cpu
 * kernel builds a mask per segment, O(numSegments × size of x)).
 */
export function unsortedSegmentSumWasm(args: {
  inputs: { x?: TensorInfo; segmentIds?: TensorInfo };
  backend: BackendWasm;
  attrs: UnsortedSegmentSumAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, segmentIds } = inputs;
  if (!x || !segmentIds) throw new Error("UnsortedSegmentSum needs inputs x and segmentIds");
  if (x.dtype !== "float32" && x.dtype !== "int32") throw new Error(`UnsortedSegmentSum: unsupported dtype ${x.dtype}`);
  const leading = segmentIds.shape.length;
  if (segmentIds.shape.some((dim, axis) => dim !== x.shape[axis])) {
    throw new Error(`UnsortedSegmentSum: segmentIds shape [${segmentIds.shape}] is not a prefix of x's [${x.shape}]`);
  }
  const { numSegments } = attrs;
  const innerShape = x.shape.slice(leading);
  const inner = innerShape.reduce((a, b) => a * b, 1);

  // makeOutput may grow the wasm heap, which detaches earlier views: take the views after it.
  const out = backend.makeOutput([numSegments, ...innerShape], x.dtype);
  const outValues = backend.typedArrayFromHeap(out);
  outValues.fill(0);
  const xValues = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i];
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) outValues[to + j] += xValues[from + j];
  }
  return out;
}

export const unsortedSegmentSumWasmConfig: KernelConfig = {
  kernelName: "UnsortedSegmentSum",
  backendName: "wasm",
  // tfjs types kernels loosely (any backend, any attrs); this one runs only on wasm.
  kernelFunc: unsortedSegmentSumWasm as unknown as KernelFunc,
};
