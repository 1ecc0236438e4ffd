import type { LayersModel } from "@tensorflow/tfjs";
import type { LossName } from "../ir/pipeline-types.js";
import type { MetricFunction } from "./metric-functions.js";

/** tfjs-layers' names of the Keras losses. */
const TFJS_LOSS: Record<LossName, string> = {
  sparse_categorical_crossentropy: "sparseCategoricalCrossentropy",
  categorical_crossentropy: "categoricalCrossentropy",
  binary_crossentropy: "binaryCrossentropy",
  mse: "meanSquaredError",
  mae: "meanAbsoluteError",
};

/**
 * tfjs-layers' own loss functions, one per output: compiling the model is the public way to
 * get them, so nnspec's training computes exactly the loss `model.fit` would. The optimizer
 * given to compile is never used by nnspec's training step.
 */
export function lossFunctions(model: LayersModel, losses: readonly LossName[], optimizer: Parameters<LayersModel["compile"]>[0]["optimizer"]): MetricFunction[] {
  model.compile({ optimizer, loss: losses.map((loss) => TFJS_LOSS[loss]) });
  return model.lossFunctions;
}
