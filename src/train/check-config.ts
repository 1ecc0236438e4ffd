import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";
import type { TrainingConfig } from "../ir/pipeline-types.js";
import { closestName } from "../ir/suggest.js";
import { TrainError } from "./train-error.js";

/** Where each setting is written in the spec, by its name in `train { … }`, for diagnostics. */
export type SettingSpans = ReadonlyMap<string, Span>;

/**
 * Checks the settings a TrainingConfig may hold but training cannot use (NN6045), all at once:
 * sizes and rates out of range, both kinds of clipping, and monitored values that no epoch
 * will log (`val_…` without validation data, misspelt metrics). `keys` are the history keys a
 * run logs; `fallback` is where to point when the spec does not say where a setting is.
 */
export function checkTrainingConfig(config: TrainingConfig, keys: readonly string[], spans: SettingSpans, fallback: Span): void {
  const problems: Diagnostic[] = [];
  const report = (setting: string, message: string): void => {
    problems.push(diagnostic("InvalidTrainingSetting", message, spans.get(setting) ?? fallback));
  };
  const integer = (setting: string, value: number, minimum: number): void => {
    if (!Number.isInteger(value) || value < minimum) report(setting, `${setting} must be an integer of at least ${minimum}, found ${value}`);
  };
  integer("epochs", config.epochs, 1);
  integer("batch_size", config.batch_size, 1);
  const split = config.validation_split;
  if (split !== null && !(split > 0 && split < 1)) report("validation_split", `validation_split must be between 0 and 1 (exclusive), found ${split}`);
  if (config.clipnorm !== null && config.clipvalue !== null) report("clipvalue", "set clipnorm or clipvalue, not both (as in Keras)");
  for (const setting of ["clipnorm", "clipvalue"] as const) {
    const value = config[setting];
    if (value !== null && !(value > 0)) report(setting, `${setting} must be positive, found ${value}`);
  }
  if (!(config.optimizer.learning_rate > 0)) report("optimizer", `learning_rate must be positive, found ${config.optimizer.learning_rate}`);

  const watch = (setting: string, key: string): void => {
    if (keys.includes(key)) return;
    const suggestion = closestName(key, keys);
    const validation = key.startsWith("val_") && !keys.some((known) => known.startsWith("val_"));
    const why = validation ? "there is no validation data (set validation_split, validation_file or --val)" : `no epoch logs it (logged: ${keys.join(", ")})`;
    report(setting, `${setting} monitors '${key}', but ${why}${suggestion && !validation ? `; did you mean '${suggestion}'?` : ""}`);
  };
  const stopping = config.early_stopping;
  if (stopping) {
    watch("early_stopping", stopping.monitor);
    integer("early_stopping", stopping.patience, 0);
    if (!(stopping.min_delta >= 0)) report("early_stopping", `early_stopping: min_delta must not be negative, found ${stopping.min_delta}`);
  }
  const schedule = config.lr_schedule;
  if (schedule?.kind === "step_decay") {
    integer("lr_schedule", schedule.step_size, 1);
    if (!(schedule.gamma > 0)) report("lr_schedule", `step_decay: gamma must be positive, found ${schedule.gamma}`);
  } else if (schedule?.kind === "exponential_decay") {
    if (!(schedule.decay_steps > 0)) report("lr_schedule", `exponential_decay: decay_steps must be positive, found ${schedule.decay_steps}`);
    if (!(schedule.decay_rate > 0)) report("lr_schedule", `exponential_decay: decay_rate must be positive, found ${schedule.decay_rate}`);
  } else if (schedule?.kind === "reduce_on_plateau") {
    watch("lr_schedule", schedule.monitor);
    if (!(schedule.factor > 0 && schedule.factor < 1)) report("lr_schedule", `reduce_on_plateau: factor must be between 0 and 1, found ${schedule.factor}`);
    integer("lr_schedule", schedule.patience, 0);
    if (!(schedule.min_lr >= 0)) report("lr_schedule", `reduce_on_plateau: min_lr must not be negative, found ${schedule.min_lr}`);
  }
  if (problems.length > 0) throw new TrainError(problems);
}
