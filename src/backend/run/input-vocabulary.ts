import type { ModelIR } from "../../ir/types.js";

/** The Embedding an input's token IDs index, with its vocabulary size. */
export interface Vocabulary {
  layer: string;
  inputDim: number;
}

/**
 * The vocabulary of the Embedding layers an input feeds directly; when it feeds several, the
 * smallest, since every one must accept the IDs. Undefined when it feeds none.
 */
export function inputVocabulary(ir: ModelIR, inputName: string): Vocabulary | undefined {
  const input = ir.inputs.find((candidate) => candidate.name === inputName);
  if (!input) return undefined;
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  let smallest: Vocabulary | undefined;
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer);
    if (layer?.type !== "Embedding" || !node.inputs.includes(input.id)) continue;
    const inputDim = layer.options.input_dim;
    if (typeof inputDim === "number" && (smallest === undefined || inputDim < smallest.inputDim)) {
      smallest = { layer: layer.name, inputDim };
    }
  }
  return smallest;
}
