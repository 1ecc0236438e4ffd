import { ACTIVATION_CODES, type ActivationCode } from "../kernels/codes.js";
import type { ExecOp } from "../plan/op.js";
import { sameShapeOp, sizeOf } from "../plan/op.js";

/**
 * Keras's Activation (and Dropout kept as a copy when identities are not removed): element-wise,
 * or softmax / log-softmax along the last axis.
 */
export function activationOp(layer: string, input: string, output: string, activation: ActivationCode): ExecOp {
  return sameShapeOp(layer, input, output, (emit, x, y) => {
    const width = x.shape[x.shape.length - 1]!;
    const count = sizeOf(x.shape);
    const rowwise = activation === ACTIVATION_CODES.softmax || activation === ACTIVATION_CODES.log_softmax;
    // Element-wise work is one long row; softmax kinds go row by row.
    if (rowwise) emit.call("activateRows", x.pointer, width, y.pointer, width, count / width, width, activation);
    else emit.call("activateRows", x.pointer, count, y.pointer, count, 1, count, activation);
  });
}

/** Keras's Softmax layer: softmax along any axis. */
export function softmaxOp(layer: string, input: string, output: string, axis: number): ExecOp {
  return sameShapeOp(layer, input, output, (emit, x, y) => {
    const shape = x.shape;
    const at = axis < 0 ? shape.length + axis : axis;
    emit.call("softmaxAxis", x.pointer, y.pointer, sizeOf(shape.slice(0, at)), shape[at]!, sizeOf(shape.slice(at + 1)), 0);
  });
}
