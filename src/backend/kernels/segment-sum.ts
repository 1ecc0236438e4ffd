import type { TensorInfo } from "@tensorflow/tfjs";

/**
 * out[s·inner + j] += x[i·inner + j] for every i with s = segmentIds[i] in [0, numSegments):
 * UnsortedSegmentSum in one pass over x. `out` must be zeroed by the caller.
 */
export function addSegments(
  x: ArrayLike<number>,
  segmentIds: ArrayLike<number>,
  inner: number,
  numSegments: number,
  out: { [index: number]: number },
): void {
  for (let i = 0; i < segmentIds.length; i++) {
    const segment = segmentIds[i]!;
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j++) out[to + j] += x[from + j]!;
  }
}

/** The checked inputs of an UnsortedSegmentSum call, its output shape and one segment's slice size. */
export function segmentSumInputs(
  inputs: { x?: TensorInfo; segmentIds?: TensorInfo },
  numSegments: number,
): { x: TensorInfo & { dtype: "float32" | "int32" }; segmentIds: TensorInfo; shape: number[]; inner: number } {
  const { x, segmentIds } = inputs;
  if (!x || !segmentIds) throw new Error("UnsortedSegmentSum needs inputs x and segmentIds");
  if (x.dtype !== "float32" && x.dtype !== "int32") throw new Error(`UnsortedSegmentSum: unsupported dtype ${x.dtype}`);
  return { x: x as TensorInfo & { dtype: "float32" | "int32" }, segmentIds, ...segmentShape(x.shape, segmentIds.shape, numSegments) };
}

/** The output shape, and the size of one segment's slice, or why the inputs do not fit. */
export function segmentShape(xShape: readonly number[], idShape: readonly number[], numSegments: number): { shape: number[]; inner: number } {
  if (idShape.some((dim, axis) => dim !== xShape[axis])) {
    throw new Error(`UnsortedSegmentSum: segmentIds shape [${idShape}] is not a prefix of x's [${xShape}]`);
  }
  const innerShape = xShape.slice(idShape.length);
  return { shape: [numSegments, ...innerShape], inner: innerShape.reduce((a, b) => a * b, 1) };
}
