import type { ActivationCode } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import { emitProduct } from "./product.js";

/** Keras's Dense on the last axis of any rank: one product over all leading positions. */
export function denseOp(
  layer: string,
  input: string,
  output: string,
  weights: PackedMatrix,
  bias: number,
  activation: ActivationCode,
  fuse: boolean,
): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[...x!.slice(0, -1), weights.n]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const m = sizeOf(x!.shape) / weights.k;
      emitProduct(
        emit,
        { a: x!.pointer, lda: weights.k, weights, bias, addend: 0, ldAdd: 0, c: y!.pointer, ldc: weights.n, m, activation },
        fuse,
      );
    },
  };
}
