import type { LearningRateSchedule, OptimizerName, TrainingConfig } from "../pipeline-types.js";

/**
 * Keras's defaults for everything a `train { … }` block may leave out. The lowering fills a
 * spec's TrainingConfig from these, and `nnspec train` uses them for a spec without one.
 */

/** `model.compile()` and `model.fit()` defaults: rmsprop, one epoch, batches of 32, shuffled. */
export function defaultTrainingConfig(): TrainingConfig {
  return {
    optimizer: defaultOptimizer("rmsprop"),
    // Keras has no default loss; an empty list makes `nnspec train` ask for one (NN6041).
    loss: [],
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

/** Each optimizer's options with Keras's defaults (`momentum` is Keras's SGD with momentum 0.9). */
const OPTIMIZER_DEFAULTS: Record<OptimizerName, TrainingConfig["optimizer"]> = {
  sgd: { name: "sgd", learning_rate: 0.01, momentum: 0, nesterov: false },
  momentum: { name: "momentum", learning_rate: 0.01, momentum: 0.9, nesterov: false },
  adam: { name: "adam", learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  adamw: { name: "adamw", learning_rate: 0.001, weight_decay: 0.004, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  rmsprop: { name: "rmsprop", learning_rate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
  adagrad: { name: "adagrad", learning_rate: 0.001, initial_accumulator_value: 0.1 },
};

/** An optimizer with every option at Keras's default. */
export function defaultOptimizer(name: OptimizerName): TrainingConfig["optimizer"] {
  return { ...OPTIMIZER_DEFAULTS[name] };
}

/** Keras's EarlyStopping defaults: watch val_loss, stop at the first epoch without improvement. */
export function defaultEarlyStopping(): NonNullable<TrainingConfig["early_stopping"]> {
  return { monitor: "val_loss", patience: 0, min_delta: 0, mode: "auto", restore_best_weights: false };
}

/**
 * The options a learning-rate schedule may leave out, with their defaults; the others are
 * required. step_decay is PyTorch's StepLR (×gamma every `step_size` epochs), exponential_decay
 * Keras's ExponentialDecay (per optimizer step), reduce_on_plateau Keras's ReduceLROnPlateau.
 */
export const lrScheduleDefaults = {
  step_decay: { gamma: 0.1 },
  exponential_decay: { staircase: false },
  reduce_on_plateau: { monitor: "val_loss", factor: 0.1, patience: 10, min_lr: 0, min_delta: 1e-4 },
} as const satisfies { [K in LearningRateSchedule["kind"]]: Partial<Extract<LearningRateSchedule, { kind: K }>> };
