import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";
import type { LossName } from "../ir/pipeline-types.js";
import type { ModelIR } from "../ir/types.js";
import { closestName } from "../ir/suggest.js";
import { TrainError } from "./train-error.js";

/** The metrics nnspec computes, by their Keras names. */
export type MetricKind =
  | "sparse_categorical_accuracy"
  | "categorical_accuracy"
  | "binary_accuracy"
  | "mae"
  | "mse"
  | "precision"
  | "recall";

/** One metric of one output, and the key it has in the history ("accuracy", "val_accuracy", "tags_accuracy"). */
export interface MetricSpec {
  key: string;
  output: number;
  kind: MetricKind;
}

const ALIASES: Record<string, MetricKind> = {
  sparse_categorical_accuracy: "sparse_categorical_accuracy",
  categorical_accuracy: "categorical_accuracy",
  binary_accuracy: "binary_accuracy",
  mae: "mae",
  mean_absolute_error: "mae",
  mse: "mse",
  mean_squared_error: "mse",
  precision: "precision",
  recall: "recall",
};

/** Keras's "accuracy" is the accuracy that matches the loss. */
const ACCURACY_FOR_LOSS: Record<LossName, MetricKind | undefined> = {
  sparse_categorical_crossentropy: "sparse_categorical_accuracy",
  categorical_crossentropy: "categorical_accuracy",
  binary_crossentropy: "binary_accuracy",
  mse: undefined,
  mae: undefined,
};

/** Metrics whose larger values are better (early stopping's mode "auto" follows this). */
const HIGHER_IS_BETTER = /(^|_)(acc|accuracy|precision|recall)$/;

/**
 * Resolves Keras metric names for every output, as `model.compile(metrics=[…])` does: each
 * name applies to each output, and with several outputs the keys are prefixed with the
 * output's name. Unknown names and an "accuracy" without a classification loss are NN6044.
 */
export function resolveMetrics(ir: ModelIR, losses: readonly LossName[], names: readonly string[], span: Span): MetricSpec[] {
  const prefixed = ir.outputs.length > 1;
  const specs: MetricSpec[] = [];
  const problems: Diagnostic[] = [];
  for (const name of names) {
    for (const [output, irOutput] of ir.outputs.entries()) {
      const kind = name === "accuracy" || name === "acc" ? ACCURACY_FOR_LOSS[losses[output]!] : ALIASES[name];
      if (kind === undefined) {
        problems.push(diagnostic("UnknownMetric", unknownMessage(name, losses[output]!, irOutput.name), span));
        break;
      }
      specs.push({ key: prefixed ? `${irOutput.name}_${name}` : name, output, kind });
    }
  }
  if (problems.length > 0) throw new TrainError(problems);
  return specs;
}

function unknownMessage(name: string, loss: LossName, output: string): string {
  if (name === "accuracy" || name === "acc") {
    return `metric '${name}' needs a classification loss, but output '${output}' trains with ${loss}: use "mae" or "mse"`;
  }
  const known = ["accuracy", ...Object.keys(ALIASES)];
  const suggestion = closestName(name, known);
  return `unknown metric '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""} (metrics: ${known.join(", ")})`;
}

/** Whether a larger value of this history key is an improvement. */
export function higherIsBetter(key: string): boolean {
  return HIGHER_IS_BETTER.test(key);
}

/** The history keys of a run, training side: "loss", each output's loss when there are several, then the metrics. */
export function trainingKeys(ir: ModelIR, metrics: readonly MetricSpec[]): string[] {
  const outputLosses = ir.outputs.length > 1 ? ir.outputs.map((output) => `${output.name}_loss`) : [];
  return ["loss", ...outputLosses, ...metrics.map((metric) => metric.key)];
}
