import { BINARY_CODES } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sameShapeOp, sizeOf } from "../plan/op.js";

/** Embedding(mask_zero=true)'s mask: 1 where the token ID is not 0 (padding), else 0, same shape as the IDs. */
export function nonZeroMaskOp(layer: string, ids: string, mask: string): ExecOp {
  return sameShapeOp(layer, ids, mask, (emit, input, out) => emit.call("nonZeroMask", input.pointer, out.pointer, sizeOf(input.shape)));
}

/** A step kept where every mask keeps it: the product of 0/1 masks of one shape. */
export function maskAndOp(layer: string, masks: readonly string[], output: string): ExecOp {
  return {
    layer,
    inputs: masks,
    outputs: [output],
    shapes: ([first]) => [[...first!]],
    scratch: () => [],
    emit(emit: Emitter, ins: readonly BufferRef[], [out]: readonly BufferRef[]) {
      const count = sizeOf(out!.shape);
      emit.call("binary", BINARY_CODES.multiply, ins[0]!.pointer, 1, ins[1]!.pointer, 1, out!.pointer, count);
      for (const mask of ins.slice(2)) emit.call("binary", BINARY_CODES.multiply, out!.pointer, 1, mask.pointer, 1, out!.pointer, count);
    },
  };
}
