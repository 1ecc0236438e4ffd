import type { IRLayer, IRNode, IROutput } from "../types.js";

/** Keeps only the nodes (and layers) that some output depends on, in their original order. */
export function pruneToOutputs(
  nodes: readonly IRNode[],
  layers: readonly IRLayer[],
  outputs: readonly IROutput[],
): { nodes: IRNode[]; layers: IRLayer[] } {
  const needed = new Set(outputs.map((o) => o.tensor));
  const kept = new Set<IRNode>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.outputs.some((t) => needed.has(t.id))) {
      kept.add(node);
      node.inputs.forEach((id) => needed.add(id));
      for (const ids of Object.values(node.keywordInputs ?? {})) ids.forEach((id) => needed.add(id));
    }
  }
  const keptNodes = nodes.filter((n) => kept.has(n));
  const usedLayers = new Set(keptNodes.map((n) => n.layer));
  return { nodes: keptNodes, layers: layers.filter((l) => usedLayers.has(l.name)) };
}
