import type { ModelIR } from "../../ir/types.js";

/** The Embedding an input's token IDs index, with its vocabulary size. */
export interface Vocabulary {
  layer: string;
  inputDim: number;
}

/** Layers that only move or copy values: token IDs stay token IDs through them. */
const MOVES_VALUES = new Set(["Slice", "Concatenate", "Reshape", "Flatten", "Permute", "RepeatVector"]);

/**
 * The vocabulary of the Embedding layers an input's IDs reach, directly or through layers that
 * only move values (`ids[:, 1:]`, `concatenate(a, b)`); when they reach several, the smallest,
 * since every one must accept the IDs. Undefined when they reach none.
 */
export function inputVocabulary(ir: ModelIR, inputName: string): Vocabulary | undefined {
  const input = ir.inputs.find((candidate) => candidate.name === inputName);
  if (!input) return undefined;
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const carriesIds = new Set([input.id]);
  let smallest: Vocabulary | undefined;
  // Nodes are in dependency order, so one pass follows the IDs as far as they go.
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer);
    if (!layer || !node.inputs.some((id) => carriesIds.has(id))) continue;
    if (MOVES_VALUES.has(layer.type)) {
      for (const output of node.outputs) if (output.dtype === "int32") carriesIds.add(output.id);
      continue;
    }
    const inputDim = layer.options.input_dim;
    if (layer.type === "Embedding" && typeof inputDim === "number" && (smallest === undefined || inputDim < smallest.inputDim)) {
      smallest = { layer: layer.name, inputDim };
    }
  }
  return smallest;
}
