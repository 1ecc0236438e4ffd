import { BackendError } from "../../backend/errors.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { emitStridedCopy } from "./layout-strided.js";

/**
 * keras_nlp's PositionEmbedding as nnspec's tfjs layer computes it: the first `time` rows of the
 * learned table [sequenceLength, features], broadcast over the batch. It returns the embeddings
 * alone; the spec adds them to the input.
 */
export function positionEmbeddingOp(layer: string, input: string, output: string, table: number, sequenceLength: number): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes([x]) {
      const time = x![1]!;
      if (time > sequenceLength) {
        throw new BackendError(
          "InputShapeMismatch",
          `layer '${layer}' (PositionEmbedding) embeds at most ${sequenceLength} positions (sequence_length), but the input has ${time} steps`,
        );
      }
      return [[...x!]];
    },
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const [batch, time, features] = x!.shape as [number, number, number];
      emitStridedCopy(emit, table, { offset: 0, shape: [batch, time * features], strides: [0, 1] }, y!.pointer);
    },
  };
}
