import { sameShapeOp, type ExecOp } from "../plan/op.js";
import { emitStridedCopy } from "./layout-strided.js";

/** The encoding's first `rows` positions, made once when the executor is: [rows, features] in the arena. */
export interface SineTable {
  pointer: number;
  rows: number;
}

/** The base of the timescales as tfjs-layers takes it: 1 / max_wavelength, a float32 scalar. */
export const sineBase = (maxWavelength: number): number => Math.fround(1 / maxWavelength);

/**
 * keras_nlp's SinePositionEncoding as nnspec's tfjs layer computes it: the encoding of
 * [time, features] (see the kernel's sinePositions), broadcast over the batch. It returns the
 * encoding alone; the spec adds it to the input. Copied from the table when it has enough
 * positions; else made for the first example and copied to the others.
 */
export function sinePositionOp(layer: string, input: string, output: string, maxWavelength: number, table?: SineTable): ExecOp {
  return sameShapeOp(layer, input, output, (emit, x, y) => {
    const [batch, time, features] = x.shape as [number, number, number];
    const block = time * features;
    if (batch === 0 || block === 0) return;
    if (table && time <= table.rows) {
      emitStridedCopy(emit, table.pointer, { offset: 0, shape: [batch, block], strides: [0, 1] }, y.pointer);
      return;
    }
    emit.call("sinePositions", y.pointer, time, features, sineBase(maxWavelength));
    if (batch > 1) emit.call("copyRows", y.pointer, 0, y.pointer + block * 4, block, batch - 1, block);
  });
}
