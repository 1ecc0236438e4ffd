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

/** The output shape, and the size of one segment's slice, or why the inputs do not fit. */
export function segmentShape(xShape: readonly number[], idShape: readonly number[], numSegments: number): { shape: number[]; inner: number } {
  if (idShape.some((dim, axis) => dim !== xShape[axis])) {
    throw new Error(`UnsortedSegmentSum: segmentIds shape [${idShape}] is not a prefix of x's [${xShape}]`);
  }
  const innerShape = xShape.slice(idShape.length);
  return { shape: [numSegments, ...innerShape], inner: innerShape.reduce((a, b) => a * b, 1) };
}
