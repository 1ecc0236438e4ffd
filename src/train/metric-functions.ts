import type { Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";
import type { MetricKind } from "./metrics.js";

/** A metric (or loss) of a batch: one value per example, or per example and position. */
export type MetricFunction = (labels: Tensor, predictions: Tensor) => Tensor;

/** TensorFlow.js's implementation of a metric: the same functions `model.fit` reports. */
export function metricFunction(tf: Tf, kind: MetricKind): MetricFunction {
  switch (kind) {
    case "sparse_categorical_accuracy":
      return tf.metrics.sparseCategoricalAccuracy;
    case "categorical_accuracy":
      return tf.metrics.categoricalAccuracy;
    case "binary_accuracy":
      return tf.metrics.binaryAccuracy;
    case "mae":
      return tf.metrics.meanAbsoluteError;
    case "mse":
      return tf.metrics.meanSquaredError;
    case "precision":
      return tf.metrics.precision;
    case "recall":
      return tf.metrics.recall;
  }
}
