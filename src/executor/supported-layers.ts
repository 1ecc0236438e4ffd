import type { ModelIR } from "../ir/types.js";
import { walkNodes, whyNot } from "./layers/walk-nodes.js";

/** Something in a model the executor cannot run, and why. */
export interface Unsupported {
  layer: string;
  reason: string;
}

/**
 * What in this IR the executor cannot run: layer types it has no lowering for, and options or
 * inputs a lowering turns away. Empty when it runs the whole model; otherwise a caller can use
 * the Layers model instead.
 */
export function unsupportedLayers(ir: ModelIR): Unsupported[] {
  const found: Unsupported[] = [];
  const seen = new Set<string>();
  walkNodes(ir, (view, lowering) => {
    const reason = whyNot(view, lowering);
    if (reason && !seen.has(view.layer.name)) {
      seen.add(view.layer.name);
      found.push({ layer: view.layer.name, reason });
    }
  });
  return found;
}
