import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";

/** Keras's Concatenate along one axis: each input's rows copied into its columns of the output. */
export function concatenateOp(layer: string, inputs: readonly string[], output: string, axis: number): ExecOp {
  const at = (rank: number) => (axis < 0 ? rank + axis : axis);
  return {
    layer,
    inputs,
    outputs: [output],
    shapes(shapes) {
      const shape = [...shapes[0]!];
      const a = at(shape.length);
      shape[a] = shapes.reduce((sum, s) => sum + s[a]!, 0);
      return [shape];
    },
    scratch: () => [],
    emit(emit: Emitter, ins: readonly BufferRef[], [out]: readonly BufferRef[]) {
      const a = at(out!.shape.length);
      const outer = sizeOf(out!.shape.slice(0, a));
      const total = sizeOf(out!.shape) / outer;
      let column = 0;
      for (const input of ins) {
        const width = sizeOf(input.shape) / outer;
        emit.call("copyRows", input.pointer, width, out!.pointer + column * 4, total, outer, width);
        column += width;
      }
    },
  };
}
