import type { Span } from "../../diagnostics/span.js";
import type { IRInput, IRLayer, IRNode, IROutput } from "../types.js";
import type { TrainingConfig } from "../pipeline-types.js";
import type { DiagnosticSink } from "../lower/diagnostics-sink.js";

/** The activation a layer ends with, as far as the loss check cares. */
function finalActivation(layer: IRLayer | undefined): string | undefined {
  if (!layer) return undefined;
  if (layer.type === "Softmax") return "softmax";
  return typeof layer.options.activation === "string" ? layer.options.activation : undefined;
}

/** Losses that cannot fit their output: class losses on one unit, binary crossentropy on a softmax over classes. */
export function checkLosses(
  training: TrainingConfig,
  outputs: readonly IROutput[],
  nodes: readonly IRNode[],
  layers: readonly IRLayer[],
  lossSpan: Span | undefined,
  sink: DiagnosticSink,
): void {
  const producer = new Map(nodes.flatMap((n) => n.outputs.map((t) => [t.id, n.layer] as const)));
  const layerByName = new Map(layers.map((l) => [l.name, l]));
  outputs.forEach((output, i) => {
    const loss = training.loss[i];
    if (!loss || !lossSpan) return;
    const units = output.shape[output.shape.length - 1];
    const activation = finalActivation(layerByName.get(producer.get(output.tensor) ?? ""));
    const where = `output '${output.name}' (last axis ${units ?? "?"}${activation ? `, ${activation}` : ""})`;
    if ((loss === "sparse_categorical_crossentropy" || loss === "categorical_crossentropy") && units === 1) {
      sink.report("LossMismatch", `train: ${loss} needs one unit per class, but ${where} has a single unit; for two classes use binary_crossentropy with a sigmoid`, lossSpan);
    } else if (loss === "binary_crossentropy" && activation === "softmax" && typeof units === "number" && units > 1) {
      sink.report("LossMismatch", `train: binary_crossentropy treats each unit as its own yes/no, but ${where} is a softmax over ${units} classes; use categorical_crossentropy or sparse_categorical_crossentropy`, lossSpan);
    }
  });
}

/** An Embedding fed by a preprocessed input must cover the vocabulary (a declared max_size). */
export function checkVocabularySizes(
  inputs: readonly IRInput[],
  nodes: readonly IRNode[],
  layers: readonly IRLayer[],
  sink: DiagnosticSink,
): void {
  const layerByName = new Map(layers.map((l) => [l.name, l]));
  for (const input of inputs) {
    const size = input.preprocess?.vocabulary.max_size;
    if (!size) continue;
    for (const node of nodes) {
      const layer = layerByName.get(node.layer);
      if (layer?.type !== "Embedding" || !node.inputs.includes(input.id)) continue;
      const inputDim = layer.options.input_dim as number;
      if (inputDim < size) {
        sink.report("VocabularyTooLarge", `Embedding '${layer.name}' has input_dim ${inputDim}, but the vocabulary of '${input.name}' has up to ${size} tokens (max_size): IDs ${inputDim} and above would be out of range`, layer.span, [
          { message: `'${input.name}' declared here`, span: input.span },
        ]);
      } else if (inputDim > 2 * size) {
        sink.report("EmbeddingMuchLargerThanVocabulary", `Embedding '${layer.name}' has input_dim ${inputDim}, but the vocabulary of '${input.name}' has at most ${size} tokens: ${inputDim - size} rows are never used`, layer.span);
      }
    }
  }
}
