import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";

/** Keras's Rescaling: x · scale + offset, element-wise (what `x * c`, `x + c`, `-x` become). */
export function rescaleOp(layer: string, input: string, output: string, scale: number, offset: number): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[...x!]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      emit.call("rescale", x!.pointer, y!.pointer, sizeOf(x!.shape), scale, offset);
    },
  };
}
