import type { TrainDecl } from "../../parser/ast.js";
import type { LearningRateSchedule, LossName, OptimizerName, TrainingConfig } from "../pipeline-types.js";
import type { OptionValue } from "../types.js";
import type { Lowering } from "../lower/lowering.js";
import { readSettings, type FieldSpec } from "./read-settings.js";
import { defaultEarlyStopping, defaultOptimizer, defaultTrainingConfig, lrScheduleDefaults } from "./training-defaults.js";
import { bool, integer, isCall, nullable, number, oneOf, show, text, type FieldResult, type SettingValue } from "./setting-values.js";

export const LOSSES: readonly LossName[] = ["sparse_categorical_crossentropy", "categorical_crossentropy", "binary_crossentropy", "mse", "mae"];
export const METRICS = ["accuracy", "mse", "mae", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy"] as const;

const OPTIMIZER_NAMES: readonly OptimizerName[] = ["sgd", "momentum", "adam", "adamw", "rmsprop", "adagrad"];

/** Each optimizer's options with Keras's defaults (the `name` is not an option). */
function optimizerOptions(name: OptimizerName): Record<string, number | boolean | string> {
  const { name: _, ...options } = defaultOptimizer(name);
  return options;
}

/** Schedule options: the required ones get the usual values when left out. */
const SCHEDULES: Record<LearningRateSchedule["kind"], Record<string, number | boolean | string>> = {
  step_decay: { step_size: 10, ...lrScheduleDefaults.step_decay },
  exponential_decay: { decay_steps: 1000, decay_rate: 0.96, ...lrScheduleDefaults.exponential_decay },
  reduce_on_plateau: { ...lrScheduleDefaults.reduce_on_plateau },
};

const EARLY_STOPPING = defaultEarlyStopping();

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
  const name = isCall(value) ? value.name : value;
  if (typeof name !== "string" || !OPTIMIZER_NAMES.includes(name as OptimizerName)) {
    return { error: `expected one of ${OPTIMIZER_NAMES.map((n) => `${n}(…)`).join(", ")} (or its name as a string), received ${show(value)}` };
  }
  const filled = callWithDefaults(name, isCall(value) ? value.args : {}, optimizerOptions(name as OptimizerName));
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
  optimizer: { read: readOptimizer, functions: calls([...OPTIMIZER_NAMES], ["learning_rate"]) },
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
  const config = defaultTrainingConfig();
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
