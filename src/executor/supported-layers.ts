import type { IRLayer, IRNode, ModelIR } from "../ir/types.js";

/** Layer types the executor runs. Others (added to nnspec since) need the Layers executor. */
const SUPPORTED = new Set([
  "Embedding", "SimpleRNN", "LSTM", "Bidirectional", "Dense", "Dropout", "Activation", "Softmax",
  "Dot", "Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum",
]);

const RECURRENT = new Set(["SimpleRNN", "LSTM"]);

/** Something in a model the executor cannot run, and why. */
export interface Unsupported {
  layer: string;
  reason: string;
}

/**
 * What in this IR the executor cannot run: layer types it does not have, masks (Embedding
 * mask_zero) and initial states, which it does not apply yet. Empty when it runs the whole model;
 * otherwise a caller can use the Layers model instead.
 */
export function unsupportedLayers(ir: ModelIR): Unsupported[] {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const dtypes = new Map(ir.inputs.map((input) => [input.id, input.dtype]));
  for (const node of ir.nodes) for (const output of node.outputs) dtypes.set(output.id, output.dtype);
  const found: Unsupported[] = [];
  const seen = new Set<string>();
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer)!;
    const reason = whyNot(layer, node, (id) => dtypes.get(id));
    if (reason && !seen.has(layer.name)) {
      seen.add(layer.name);
      found.push({ layer: layer.name, reason });
    }
  }
  return found;
}

function whyNot(layer: IRLayer, node: IRNode, dtypeOf: (id: string) => string | undefined): string | undefined {
  if (!SUPPORTED.has(layer.type)) return `the executor has no ${layer.type} layer yet`;
  if (layer.type === "Embedding" && layer.options.mask_zero === true) return "mask_zero=true: the executor does not apply masks yet";
  if (layer.type === "Bidirectional") {
    const inner = layer.options.layer;
    const type = typeof inner === "object" && inner !== null && !Array.isArray(inner) && inner.kind === "layer" ? inner.type : "?";
    if (!RECURRENT.has(type)) return `the executor has no Bidirectional(${type}) yet`;
  }
  const keywordTensors = Object.values(node.keywordInputs ?? {}).flat().length;
  if ((RECURRENT.has(layer.type) || layer.type === "Bidirectional") && (node.inputs.length > 1 || keywordTensors > 0)) {
    return "initial_state: the executor does not take initial states yet";
  }
  const merges = ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"];
  if (merges.includes(layer.type) && node.inputs.some((id) => dtypeOf(id) !== "float32")) return `the executor's ${layer.type} takes float32 tensors only`;
  return undefined;
}
