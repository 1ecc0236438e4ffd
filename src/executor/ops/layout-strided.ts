import type { Emitter } from "../plan/op.js";

/**
 * A strided view of a buffer: output element [i0, i1, …] of `shape` is input element
 * offset + Σ ik·strides[k]. Transposes, slices with steps, repeats (stride 0) and broadcasts
 * are all such views, copied out by one kernel.
 */
export interface StridedView {
  offset: number;
  shape: number[];
  strides: number[];
}

/** The row-major element strides of a shape. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = Array<number>(shape.length).fill(1);
  for (let a = shape.length - 2; a >= 0; a--) strides[a] = strides[a + 1]! * shape[a + 1]!;
  return strides;
}

/** The same view with axes of size 1 dropped and neighbours that read contiguously joined. */
function simplified(view: StridedView): { shape: number[]; strides: number[] } {
  const shape: number[] = [];
  const strides: number[] = [];
  view.shape.forEach((dim, a) => {
    if (dim === 1) return;
    const stride = view.strides[a]!;
    const last = shape.length - 1;
    if (last >= 0 && strides[last] === dim * stride) {
      shape[last] = shape[last]! * dim;
      strides[last] = stride;
    } else {
      shape.push(dim);
      strides.push(stride);
    }
  });
  return { shape, strides };
}

/** The kernel's stridedCopy takes four axes: views of more are looped here over their leading axes. */
const KERNEL_AXES = 4;

/** Copies a strided view of the buffer at `x` into the contiguous buffer at `y` (byte pointers). */
export function emitStridedCopy(emit: Emitter, x: number, view: StridedView, y: number): void {
  if (view.shape.includes(0)) return;
  const { shape, strides } = simplified(view);
  while (shape.length < KERNEL_AXES) {
    shape.unshift(1);
    strides.unshift(0);
  }
  const looped = shape.slice(0, shape.length - KERNEL_AXES);
  const [d0, d1, d2, d3] = shape.slice(-KERNEL_AXES) as [number, number, number, number];
  const [s0, s1, s2, s3] = strides.slice(-KERNEL_AXES) as [number, number, number, number];
  const block = d0 * d1 * d2 * d3;
  const count = looped.reduce((a, b) => a * b, 1);
  const index = Array<number>(looped.length).fill(0);
  for (let i = 0; i < count; i++) {
    const from = index.reduce((sum, k, a) => sum + k * strides[a]!, view.offset);
    emit.call("stridedCopy", x + from * 4, y + i * block * 4, d0, d1, d2, d3, s0, s1, s2, s3);
    for (let a = looped.length - 1; a >= 0; a--) {
      if (++index[a]! < looped[a]!) break;
      index[a] = 0;
    }
  }
}
