import type { IRLayer, IRNode, ModelIR } from "../../ir/types.js";

/** Whether applying this layer at inference returns its input unchanged. */
function isIdentity(layer: IRLayer): boolean {
  if (layer.type === "Dropout") return true;
  return layer.type === "Activation" && (layer.options.activation === "linear" || layer.options.activation === null);
}

/**
 * Identity removal: every use of an identity node's output (Dropout at inference, a linear
 * Activation), model outputs included, reads its input instead; the node goes.
 */
export function removeIdentities(ir: ModelIR): ModelIR {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const replaced = new Map<string, string>();
  const resolve = (id: string) => replaced.get(id) ?? id;
  const nodes: IRNode[] = [];
  for (const node of ir.nodes) {
    const inputs = node.inputs.map(resolve);
    if (isIdentity(layers.get(node.layer)!) && inputs.length === 1 && node.outputs.length === 1) {
      replaced.set(node.outputs[0]!.id, inputs[0]!);
      continue;
    }
    const keywordInputs = node.keywordInputs && Object.fromEntries(Object.entries(node.keywordInputs).map(([name, ids]) => [name, ids.map(resolve)]));
    nodes.push({ ...node, inputs, ...(keywordInputs ? { keywordInputs } : {}) });
  }
  return { ...ir, nodes, outputs: ir.outputs.map((output) => ({ ...output, tensor: resolve(output.tensor) })) };
}

/** Dead-node removal: nodes none of whose outputs any model output depends on. */
export function removeDeadNodes(ir: ModelIR): ModelIR {
  const needed = new Set(ir.outputs.map((output) => output.tensor));
  const kept: IRNode[] = [];
  for (let i = ir.nodes.length - 1; i >= 0; i--) {
    const node = ir.nodes[i]!;
    if (!node.outputs.some((output) => needed.has(output.id))) continue;
    kept.push(node);
    // Tensors given by keyword (initial_state=[h, c]) are inputs too.
    for (const input of [...node.inputs, ...Object.values(node.keywordInputs ?? {}).flat()]) needed.add(input);
  }
  const nodes = kept.reverse();
  const used = new Set(nodes.map((node) => node.layer));
  return { ...ir, nodes, layers: ir.layers.filter((layer) => used.has(layer.name)) };
}
