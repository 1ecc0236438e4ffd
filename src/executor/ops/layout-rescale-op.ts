import type { ExecOp } from "../plan/op.js";
import { sameShapeOp, sizeOf } from "../plan/op.js";

/** Keras's Rescaling: x · scale + offset, element-wise (what `x * c`, `x + c`, `-x` become). */
export function rescaleOp(layer: string, input: string, output: string, scale: number, offset: number): ExecOp {
  return sameShapeOp(layer, input, output, (emit, x, y) => emit.call("rescale", x.pointer, y.pointer, sizeOf(x.shape), scale, offset));
}
