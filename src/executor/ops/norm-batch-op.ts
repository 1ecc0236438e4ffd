import type { ExecOp } from "../plan/op.js";
import { sameShapeOp, sizeOf } from "../plan/op.js";

/** BatchNormalization folded for inference: per channel, y = (x − mean) · factor + offset (vectors of `channels` in the arena). */
export interface BatchNormSpec {
  channels: number;
  mean: number;
  factor: number;
  offset: number;
}

/**
 * Keras's BatchNormalization at inference, one kernel pass. As tfjs-layers computes it on the
 * cpu and wasm backends, whatever the axis: their batchNorm kernels take statistics shaped
 * [1, channels, 1] (an axis other than the last) element after element, wrapping around after
 * `channels`, so element i of the tensor gets channel i mod channels (a tfjs bug, matched here).
 */
export function batchNormOp(layer: string, input: string, output: string, spec: BatchNormSpec): ExecOp {
  return sameShapeOp(layer, input, output, (emit, x, y) => {
    const rows = sizeOf(x.shape) / spec.channels;
    emit.call("normalizeChannels", x.pointer, y.pointer, rows, spec.channels, 1, spec.mean, spec.factor, spec.offset);
  });
}
