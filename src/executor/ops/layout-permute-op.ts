import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { contiguousStrides, emitStridedCopy } from "./layout-strided.js";

/**
 * Keras's Permute: the axes after the batch axis reordered, `dims` numbering them from 1
 * (output axis k+1 is input axis dims[k]). One transposing copy.
 */
export function permuteOp(layer: string, input: string, output: string, dims: readonly number[]): ExecOp {
  const order = [0, ...dims];
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [order.map((axis) => x![axis]!)],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const strides = contiguousStrides(x!.shape);
      emitStridedCopy(emit, x!.pointer, { offset: 0, shape: y!.shape, strides: order.map((axis) => strides[axis]!) }, y!.pointer);
    },
  };
}
