import type { RelatedInformation } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatPosition, type Span } from "../diagnostics/span.js";
import type { LossName } from "../ir/pipeline-types.js";
import type { IROutput, ModelIR } from "../ir/types.js";
import { outputActivation, type OutputActivation } from "./output-activation.js";
import { TrainError } from "./train-error.js";

/** Activations whose values are probabilities in [0, 1], each on its own. */
const PROBABILITY_ACTIVATIONS = new Set(["sigmoid", "hard_sigmoid", "hardSigmoid"]);

/**
 * One loss per output (a single loss applies to every output, as in Keras), each checked
 * against what the output computes: crossentropy over classes needs a softmax over more than
 * one value, binary crossentropy needs independent probabilities (sigmoid). TensorFlow.js
 * losses take probabilities, not logits, so a linear output does not fit a crossentropy either.
 * Every problem is reported at once (NN6040, NN6041); `lossSpan` is where the spec sets `loss`.
 */
export function resolveLosses(ir: ModelIR, losses: readonly LossName[], lossSpan?: Span): LossName[] {
  const where = lossSpan ?? ir.outputs[0]?.span;
  if (!where) throw new Error("resolveLosses: the model has no outputs");
  const names = ir.outputs.map((output) => `'${output.name}'`).join(", ");
  if (losses.length === 0) {
    throw new TrainError([
      diagnostic("LossCountMismatch", `no loss to train with: set one in the spec, e.g. train { loss = "sparse_categorical_crossentropy" } (outputs: ${names})`, where),
    ]);
  }
  if (losses.length !== 1 && losses.length !== ir.outputs.length) {
    throw new TrainError([
      diagnostic("LossCountMismatch", `${losses.length} losses for ${ir.outputs.length} outputs (${names}): give one loss, or one per output in output order`, where),
    ]);
  }
  const resolved = ir.outputs.map((_, i) => losses[losses.length === 1 ? 0 : i]!);
  const problems = ir.outputs.flatMap((output, i) => lossProblems(ir, output, resolved[i]!, lossSpan));
  if (problems.length > 0) throw new TrainError(problems);
  return resolved;
}

function lossProblems(ir: ModelIR, output: IROutput, loss: LossName, lossSpan: Span | undefined): Diagnostic[] {
  const activation = outputActivation(ir, output);
  const size = output.shape[output.shape.length - 1];
  const problem = mismatch(loss, activation.name, size, output);
  if (problem === undefined) return [];
  const related: RelatedInformation[] = [{ message: `output '${output.name}' is declared here`, span: output.span }];
  if (activation.layer) {
    const what = activation.name === "linear" ? "has no activation" : `applies ${activation.name}`;
    related.push({ message: `'${activation.layer.name}' ${what} here`, span: activation.layer.span });
  }
  const span = lossSpan ?? output.span;
  const at = lossSpan ? "" : ` (output declared at ${formatPosition(output.span)})`;
  return [diagnostic("LossOutputMismatch", `${problem}${at}`, span, lossSpan ? related : related.slice(1))];
}

/** Why `loss` does not fit an output of last dim `size` ending in `activation`, or undefined. */
function mismatch(loss: LossName, activation: OutputActivation["name"], size: unknown, output: IROutput): string | undefined {
  const subject = `output '${output.name}'`;
  const described = describe(activation, size);
  switch (loss) {
    case "sparse_categorical_crossentropy":
    case "categorical_crossentropy":
      if (typeof size !== "number") return `${loss} needs a known number of classes, but the last dim of ${subject} is ${String(size ?? "?")}`;
      if (size === 1) return `${loss} needs one probability per class, but ${subject} is ${described}: use binary_crossentropy for a yes/no output`;
      if (activation !== null && activation !== "softmax") {
        return `${loss} needs class probabilities that sum to 1, but ${subject} is ${described}: end it in activation="softmax"`;
      }
      return undefined;
    case "binary_crossentropy":
      if (activation === "softmax") {
        return typeof size === "number" && size > 1
          ? `binary_crossentropy scores each value as an independent yes/no probability, but ${subject} is ${described}: use sparse_categorical_crossentropy (integer labels) or categorical_crossentropy (one-hot labels)`
          : `binary_crossentropy on ${subject}, ${described}: a softmax over one value is always 1; use activation="sigmoid"`;
      }
      if (activation !== null && !PROBABILITY_ACTIVATIONS.has(activation)) {
        return `binary_crossentropy needs probabilities in [0, 1], but ${subject} is ${described}: end it in activation="sigmoid"`;
      }
      return undefined;
    case "mse":
    case "mae":
      return undefined;
  }
}

/** "a 10-way softmax", "a sigmoid of size 1", "linear (no activation) of size 3". */
function describe(activation: string | null, size: unknown): string {
  const count = typeof size === "number" ? size : "?";
  if (activation === "softmax") return `a ${count}-way softmax`;
  if (activation === "linear") return `linear (no activation) of size ${count}`;
  if (activation === null) return `of size ${count}`;
  return `a ${activation} of size ${count}`;
}
