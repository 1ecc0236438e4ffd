import { weightKey } from "../../src/backend/init/initial-weights.js";
import type { ArrayTensor } from "../../src/executor/types.js";
import type { ModelIR } from "../../src/ir/types.js";
import { uniform, type Random } from "./random.js";

/**
 * Random weights for every weight of the IR, biases included (Keras starts them at zero,
 * which would leave the bias paths untested): uniform in ±1/√rows, so activations stay in a
 * range where every activation function is neither flat nor saturated.
 */
export function randomWeights(ir: ModelIR, random: Random): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  for (const layer of ir.layers) {
    for (const spec of layer.weights) {
      const size = spec.shape.reduce((a, b) => a * b, 1);
      const bound = spec.shape.length > 1 ? 1 / Math.sqrt(spec.shape[0]!) + 0.05 : 0.5;
      // A variance is positive: BatchNormalization divides by its square root.
      const values = spec.name.endsWith("moving_variance") ? uniform(random, size, 0.5, 1.5) : uniform(random, size, -bound, bound);
      weights.set(weightKey(layer.name, spec.name), values);
    }
  }
  return weights;
}

/** The smallest vocabulary of the Embeddings that read each int32 input. */
function vocabularies(ir: ModelIR): Map<string, number> {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const vocab = new Map<string, number>();
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer)!;
    if (layer.type !== "Embedding") continue;
    const size = layer.options.input_dim as number;
    vocab.set(node.inputs[0]!, Math.min(size, vocab.get(node.inputs[0]!) ?? size));
  }
  return vocab;
}

/**
 * Random inputs: the batch dim is `batch`, other symbols get `symbols[name]` (or 5); token IDs
 * span the whole vocabulary, floats lie in [-2, 2].
 */
export function randomInputs(ir: ModelIR, batch: number, random: Random, symbols: Record<string, number> = {}): Record<string, ArrayTensor> {
  const vocab = vocabularies(ir);
  const inputs: Record<string, ArrayTensor> = {};
  for (const input of ir.inputs) {
    const shape = input.shape.map((dim, axis) => (axis === 0 ? batch : typeof dim === "number" ? dim : (symbols[String(dim)] ?? 5)));
    const size = shape.reduce((a, b) => a * b, 1);
    const data = input.dtype === "int32"
      ? Int32Array.from({ length: size }, () => Math.floor(random() * (vocab.get(input.id) ?? 10)))
      : uniform(random, size, -2, 2);
    inputs[input.name] = { data, shape };
  }
  return inputs;
}
