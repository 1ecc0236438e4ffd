import type { Scalar } from "@tensorflow/tfjs";
import { batchTensors, disposeBatch } from "./batch-tensors.js";
import type { DataSplit } from "./data/training-data.js";
import { regularizationPenalty } from "./regularization.js";
import { RunningMeans } from "./running-means.js";
import { predictions, single, type StepParts } from "./train-step.js";

/**
 * The history values of the model on held-out examples, in the order of the training keys:
 * inference mode (no dropout), no weight changes. As in Keras, the loss includes the
 * regularization penalty, so loss and val_loss compare like with like.
 */
export function evaluate(parts: Pick<StepParts, "tf" | "model" | "losses" | "metrics" | "regularized">, split: DataSplit, batchSize: number): number[] {
  const { tf, model, losses, metrics } = parts;
  const outputs = model.outputs.length;
  const means = new RunningMeans(1 + (outputs > 1 ? outputs : 0) + metrics.length);
  for (let start = 0; start < split.records.length; start += batchSize) {
    const batch = batchTensors(tf, split.dataset.readBatch(split.records.subarray(start, start + batchSize)));
    const values = tf.tidy(() => {
      const predicted = predictions(model.apply(single(batch.inputs), { training: false }));
      const lossTerms = predicted.map((output, i) => tf.mean(losses[i]!(batch.labels[i]!, output)) as Scalar);
      const total = lossTerms.reduce((sum, term) => tf.add(sum, term));
      const metricValues = metrics.map(({ spec, fn }) => tf.mean(fn(batch.labels[spec.output]!, predicted[spec.output]!)));
      return [total, ...(outputs > 1 ? lossTerms : []), ...metricValues].map((tensor) => tensor.dataSync()[0]!);
    });
    means.add(values, batch.inputs[0]!.shape[0]!);
    disposeBatch(tf, batch);
  }
  const result = means.means();
  const penalty = tf.tidy(() => regularizationPenalty(tf, parts.regularized)?.dataSync()[0] ?? 0);
  result[0]! += penalty;
  return result;
}
