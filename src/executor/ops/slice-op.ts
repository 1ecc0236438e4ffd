import { BackendError } from "../../backend/errors.js";
import type { SliceOptions } from "../../ir/layers/slice.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { contiguousStrides, emitStridedCopy, type StridedView } from "./layout-strided.js";

/**
 * Indexing and slicing (`h[:, -1]`, `x[:, 2:10:2]`), as nnspec's NnspecSlice layer does it with
 * tf.stridedSlice: Python's rules (negative indices count from the end, ends clamp to the axis,
 * positive steps); an indexed axis is removed. One strided copy.
 */
export function sliceOp(layer: string, input: string, output: string, slice: SliceOptions): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [sliceView(layer, slice, x!).shape],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      emitStridedCopy(emit, x!.pointer, sliceView(layer, slice, x!.shape), y!.pointer);
    },
  };
}

/** Where the slice's elements are in a contiguous input of `shape`. */
export function sliceView(layer: string, slice: SliceOptions, shape: readonly number[]): StridedView {
  const { begin, end, strides: steps, squeeze } = slice;
  const inputStrides = contiguousStrides(shape);
  const view: StridedView = { offset: 0, shape: [], strides: [] };
  shape.forEach((n, axis) => {
    const stride = inputStrides[axis]!;
    if (axis >= begin.length) {
      view.shape.push(n);
      view.strides.push(stride);
      return;
    }
    if (squeeze.includes(axis)) {
      const given = begin[axis] ?? 0;
      const index = given < 0 ? given + n : given;
      if (index < 0 || index >= n) {
        throw new BackendError("InputShapeMismatch", `layer '${layer}' (Slice): index ${given} is out of range for axis ${axis}, which has size ${n}`);
      }
      view.offset += index * stride;
      return;
    }
    const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
    const start = begin[axis] == null ? 0 : clamp(begin[axis]!);
    const stop = end[axis] == null ? n : clamp(end[axis]!);
    const step = steps[axis]!;
    view.offset += start * stride;
    view.shape.push(Math.max(0, Math.ceil((stop - start) / step)));
    view.strides.push(stride * step);
  });
  return view;
}
