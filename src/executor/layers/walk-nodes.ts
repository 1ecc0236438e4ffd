import type { DType, IRLayer, ModelIR } from "../../ir/types.js";
import { LOWERINGS } from "./index.js";
import type { LayerLowering, NodeView } from "./lowering.js";

/**
 * Visits the IR's nodes in order, each with a view of the model (dtypes, ranks, and the masks
 * the node's inputs carry, propagated as tfjs-layers' computeMask does) and its lowering, if
 * the executor has one for the layer type.
 */
export function walkNodes(ir: ModelIR, visit: (view: NodeView, lowering: LayerLowering | undefined) => void): void {
  const layers = new Map<string, IRLayer>(ir.layers.map((layer) => [layer.name, layer]));
  const dtypes = new Map<string, DType>(ir.inputs.map((input) => [input.id, input.dtype]));
  const ranks = new Map<string, number>(ir.inputs.map((input) => [input.id, input.shape.length]));
  for (const node of ir.nodes) {
    for (const output of node.outputs) {
      dtypes.set(output.id, output.dtype);
      ranks.set(output.id, output.shape.length);
    }
  }
  const masks = new Map<string, string>();
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer)!;
    const view: NodeView = {
      ir,
      layer,
      node,
      dtype: (id) => dtypes.get(id)!,
      rank: (id) => ranks.get(id)!,
      mask: (id) => masks.get(id),
    };
    const lowering = LOWERINGS.get(layer.type);
    visit(view, lowering);
    const outputMasks = lowering?.outputMasks?.(view) ?? [];
    node.outputs.forEach((output, i) => {
      const mask = outputMasks[i];
      if (mask) masks.set(output.id, mask);
    });
  }
}

/** Why the executor cannot run this node, if it cannot. */
export function whyNot(view: NodeView, lowering: LayerLowering | undefined): string | undefined {
  if (!lowering) return `the executor has no ${view.layer.type} layer yet`;
  const reason = lowering.unsupported?.(view);
  if (reason) return reason;
  if (!lowering.masks && view.node.inputs.some((id) => view.mask(id) !== undefined)) {
    return `a mask (from Embedding(mask_zero=true)) reaches it, and the executor does not apply masks to ${view.layer.type} yet`;
  }
  return undefined;
}
