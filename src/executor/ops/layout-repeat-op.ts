import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { emitStridedCopy } from "./layout-strided.js";

/** Keras's RepeatVector: [batch, features] → [batch, n, features], the row read n times (stride 0). */
export function repeatVectorOp(layer: string, input: string, output: string, n: number): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[x![0]!, n, x![1]!]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const features = x!.shape[1]!;
      emitStridedCopy(emit, x!.pointer, { offset: 0, shape: y!.shape, strides: [features, 0, 1] }, y!.pointer);
    },
  };
}
