import type { TrainDecl } from "../../parser/ast.js";
import type { LearningRateSchedule, LossName, OptimizerName, TrainingConfig } from "../pipeline-types.js";
import type { OptionValue } from "../types.js";
import type { Lowering } from "../lower/lowering.js";
import { readSettings, type FieldSpec } from "./read-settings.js";
import { defaultTrainingConfig } from "./training-defaults.js";
import { bool, integer, isCall, nullable, number, oneOf, show, text, type FieldResult, type SettingValue } from "./setting-values.js";

export const LOSSES: readonly LossName[] = ["sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mse", "mae"];
export const METRICS = ["accuracy", "mse", "mae", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy"] as const;

/** Each optimizer's options with Keras's defaults; learning_rate first, so it may be positional. */
const OPTIMIZERS: Record<OptimizerName, Record<string, number | boolean>> = {
  sgd: { learning_rate: 0.01 },
  momentum: { learning_rate: 0.01, momentum: 0.9, nesterov: false },
  adam: { learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  adamw: { learning_rate: 0.001, weight_decay: 0.004, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7 },
  rmsprop: { learning_rate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
  adagrad: { learning_rate: 0.001, initial_accumulator_value: 0.1, epsilon: 1e-7 },
};

const SCHEDULES: Record<LearningRateSchedule["kind"], Record<string, number | boolean | string>> = {
  step_decay: { step_size: 10, gamma: 0.5 },
  exponential_decay: { decay_steps: 1000, decay_rate: 0.96, staircase: false },
  reduce_on_plateau: { monitor: "val_loss", factor: 0.1, patience: 10, min_lr: 0, min_delta: 1e-4 },
};

const EARLY_STOPPING = { monitor: "val_loss", patience: 0, min_delta: 0, mode: "auto", restore_best_weights: false };

/** Fills a call's arguments over defaults, refusing names the function does not have and wrong types. */
function callWithDefaults<D extends Record<string, number | boolean | string>>(
  name: string,
  args: Record<string, OptionValue>,
  defaults: D,
): FieldResult<D> {
  const result: Record<string, number | boolean | string> = { ...defaults };
  for (const [key, value] of Object.entries(args)) {
    if (!(key in defaults)) return { error: `${name}() has no option '${key}' (options: ${Object.keys(defaults).join(", ")})` };
    if (typeof value !== typeof defaults[key]) return { error: `${name}(): ${key} must be a ${typeof defaults[key]}, received ${show(value)}` };
    if (typeof value === "number" && value < 0) return { error: `${name}(): ${key} must not be negative, received ${value}` };
    result[key] = value as number | boolean | string;
  }
  return { value: result as D };
}

function readOptimizer(value: SettingValue): FieldResult<TrainingConfig["optimizer"]> {
  const names = Object.keys(OPTIMIZERS) as OptimizerName[];
  const name = isCall(value) ? value.name : value;
  if (typeof name !== "string" || !names.includes(name as OptimizerName)) {
    return { error: `expected one of ${names.map((n) => `${n}(…)`).join(", ")} (or its name as a string), received ${show(value)}` };
  }
  const filled = callWithDefaults(name, isCall(value) ? value.args : {}, OPTIMIZERS[name as OptimizerName]);
  return "error" in filled ? filled : { value: { name: name as OptimizerName, ...filled.value } as TrainingConfig["optimizer"] };
}

function readLosses(value: SettingValue): FieldResult<LossName[]> {
  const list = Array.isArray(value) ? value : [value];
  for (const loss of list) {
    const checked = oneOf(LOSSES, loss as SettingValue);
    if ("error" in checked) return checked;
  }
  return { value: list as LossName[] };
}

function readMetrics(value: SettingValue): FieldResult<string[]> {
  const list = Array.isArray(value) ? value : [value];
  for (const metric of list) {
    const checked = oneOf(METRICS, metric as SettingValue);
    if ("error" in checked) return checked;
  }
  return { value: list as string[] };
}

function readEarlyStopping(value: SettingValue): FieldResult<TrainingConfig["early_stopping"]> {
  if (value === null) return { value: null };
  if (!isCall(value) || value.name !== "early_stopping") return { error: `expected early_stopping(…) or none, received ${show(value)}` };
  const filled = callWithDefaults("early_stopping", value.args, EARLY_STOPPING);
  if ("error" in filled) return filled;
  const mode = oneOf(["min", "max", "auto"] as const, filled.value.mode);
  if ("error" in mode) return { error: `early_stopping(): mode: ${mode.error}` };
  return { value: { ...filled.value, mode: mode.value } };
}

function readSchedule(value: SettingValue): FieldResult<LearningRateSchedule | null> {
  if (value === null) return { value: null };
  const kinds = Object.keys(SCHEDULES) as LearningRateSchedule["kind"][];
  if (!isCall(value) || !kinds.includes(value.name as LearningRateSchedule["kind"])) {
    return { error: `expected one of ${kinds.map((k) => `${k}(…)`).join(", ")} or none, received ${show(value)}` };
  }
  const kind = value.name as LearningRateSchedule["kind"];
  const filled = callWithDefaults(kind, value.args, SCHEDULES[kind]);
  return "error" in filled ? filled : { value: { kind, ...filled.value } as LearningRateSchedule };
}

const calls = (names: string[], positional: string[] = []) => Object.fromEntries(names.map((n) => [n, positional]));

const fields: Record<string, FieldSpec> = {
  optimizer: { read: readOptimizer, functions: calls(Object.keys(OPTIMIZERS), ["learning_rate"]) },
  loss: { read: readLosses },
  metrics: { read: readMetrics },
  epochs: { read: (v) => integer(v, 1) },
  batch_size: { read: (v) => integer(v, 1) },
  validation_split: { read: nullable((v) => number(v, 0, 1, false)) },
  validation_file: { read: nullable(text) },
  shuffle: { read: bool },
  early_stopping: { read: readEarlyStopping, functions: calls(["early_stopping"]) },
  lr_schedule: { read: readSchedule, functions: calls(Object.keys(SCHEDULES)) },
  clipnorm: { read: nullable((v) => number(v, 0)) },
  clipvalue: { read: nullable((v) => number(v, 0)) },
};

/** Reads `train { … }` into a TrainingConfig over Keras's defaults; one loss per output. */
export function lowerTraining(lowering: Lowering, decl: TrainDecl, outputCount: number): { config: TrainingConfig; lossSpan?: TrainDecl["span"] } {
  const { values, spans } = readSettings(lowering, decl.settings, fields, "train");
  const config = defaultTrainingConfig(outputCount);
  for (const [name, value] of values) (config as unknown as Record<string, unknown>)[name] = value;
  if (!spans.has("loss")) {
    lowering.sink.report("InvalidSetting", `train: 'loss' is required, e.g. loss = "sparse_categorical_crossentropy" (one of ${LOSSES.join(", ")})`, decl.span);
  }
  if (values.has("loss") && config.loss.length === 1 && outputCount > 1) config.loss = Array(outputCount).fill(config.loss[0]);
  if (config.loss.length !== outputCount && values.has("loss")) {
    lowering.sink.report("LossMismatch", `train: ${config.loss.length} losses for ${outputCount} outputs; give one loss, or one per output in output order`, spans.get("loss")!);
  }
  return { config, lossSpan: spans.get("loss") };
}
