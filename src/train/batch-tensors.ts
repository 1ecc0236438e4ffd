import type { Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";
import type { Batch } from "./data/dataset.js";

/** A batch as tensors: the model's inputs, and each output's labels. Dispose both after use. */
export interface BatchTensors {
  inputs: Tensor[];
  labels: Tensor[];
}

export function batchTensors(tf: Tf, batch: Batch): BatchTensors {
  return {
    inputs: batch.inputs.map(({ data, shape, dtype }) => tf.tensor(data, shape, dtype)),
    labels: batch.labels.map(({ data, shape }) => tf.tensor(data, shape, "float32")),
  };
}

export function disposeBatch(tf: Tf, tensors: BatchTensors): void {
  tf.dispose([...tensors.inputs, ...tensors.labels]);
}
