import type { Optimizer } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";
import type { Span } from "../diagnostics/span.js";
import type { TrainingConfig } from "../ir/pipeline-types.js";
import { defaultOptimizer } from "../ir/settings/training-defaults.js";
import { trainError } from "./train-error.js";

/** A TensorFlow.js optimizer for a spec's optimizer, and the decoupled weight decay to apply beside it. */
export interface CreatedOptimizer {
  optimizer: Optimizer;
  /** AdamW's (or any optimizer's) decoupled weight decay factor; 0 for none. */
  weightDecay: number;
}

/** The options each optimizer takes (Keras names), besides learning_rate and weight_decay. */
const OPTIONS: Record<TrainingConfig["optimizer"]["name"], readonly string[]> = {
  sgd: ["momentum", "nesterov"],
  momentum: ["momentum", "nesterov"],
  adam: ["beta_1", "beta_2", "epsilon"],
  adamw: ["beta_1", "beta_2", "epsilon"],
  rmsprop: ["rho", "momentum", "epsilon", "centered"],
  adagrad: ["initial_accumulator_value", "epsilon"],
};

/**
 * Creates the optimizer with Keras's defaults for what the spec leaves out. TensorFlow.js has
 * no AdamW: it is Adam plus decoupled weight decay, which the training step applies (Keras 3
 * lets every optimizer take `weight_decay` that way). SGD with momentum is tfjs's
 * MomentumOptimizer. Unknown options and options tfjs cannot honour are NN6045.
 */
export function createOptimizer(tf: Tf, config: TrainingConfig["optimizer"], span: Span): CreatedOptimizer {
  const options = { ...defaultOptimizer(config.name), ...config };
  const known = new Set(["name", "learning_rate", "weight_decay", ...OPTIONS[config.name]]);
  const unknown = Object.keys(config).filter((option) => !known.has(option));
  if (unknown.length > 0) {
    throw trainError("InvalidTrainingSetting", `optimizer ${config.name} has no option ${unknown.map((o) => `'${o}'`).join(", ")} (options: ${[...known].slice(1).join(", ")})`, span);
  }
  const number = (option: string, minimum = 0): number => {
    const value = options[option];
    if (typeof value !== "number" || !Number.isFinite(value) || value < minimum) {
      throw trainError("InvalidTrainingSetting", `optimizer ${config.name}: ${option} must be a number of at least ${minimum}, found ${String(value)}`, span);
    }
    return value;
  };
  const flag = (option: string): boolean => options[option] === true;
  const learningRate = number("learning_rate");
  const weightDecay = options.weight_decay === undefined ? 0 : number("weight_decay");
  switch (config.name) {
    case "sgd":
    case "momentum": {
      const momentum = number("momentum");
      const optimizer = momentum > 0 || flag("nesterov") ? tf.train.momentum(learningRate, momentum, flag("nesterov")) : tf.train.sgd(learningRate);
      return { optimizer, weightDecay };
    }
    case "adam":
    case "adamw":
      return { optimizer: tf.train.adam(learningRate, number("beta_1"), number("beta_2"), number("epsilon")), weightDecay };
    case "rmsprop":
      return { optimizer: tf.train.rmsprop(learningRate, number("rho"), number("momentum"), number("epsilon"), flag("centered")), weightDecay };
    case "adagrad":
      if (options.epsilon !== undefined && options.epsilon !== 1e-7) {
        throw trainError("InvalidTrainingSetting", `optimizer adagrad: TensorFlow.js fixes epsilon at 1e-7, found ${String(options.epsilon)}`, span);
      }
      return { optimizer: tf.train.adagrad(learningRate, number("initial_accumulator_value")), weightDecay };
  }
}

/** The learning rate an optimizer applies now. */
export function learningRateOf(optimizer: Optimizer): number {
  return (optimizer as unknown as { learningRate: number }).learningRate;
}

/**
 * Changes the learning rate for the next steps (schedules). SGD and Momentum cache it as a
 * tensor and have a setter; the others read the `learningRate` field on every step.
 */
export function setLearningRate(optimizer: Optimizer, learningRate: number): void {
  const settable = optimizer as unknown as { learningRate: number; setLearningRate?: (rate: number) => void };
  if (typeof settable.setLearningRate === "function") settable.setLearningRate(learningRate);
  else settable.learningRate = learningRate;
}
