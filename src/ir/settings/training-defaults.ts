import type { TrainingConfig } from "../pipeline-types.js";

/** Keras's defaults for what a `train { … }` block does not say. */
export function defaultTrainingConfig(outputCount = 1): TrainingConfig {
  return {
    optimizer: { name: "adam", learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
    loss: Array(outputCount).fill("mse"),
    metrics: [],
    epochs: 1,
    batch_size: 32,
    validation_split: null,
    validation_file: null,
    shuffle: true,
    early_stopping: null,
    lr_schedule: null,
    clipnorm: null,
    clipvalue: null,
  };
}
