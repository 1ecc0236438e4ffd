import type { TfjsLayer } from "./tfjs-layer.js";

/**
 * tfjs counts one reference per application of a layer, but model.dispose() releases one per
 * layer, so a shared layer's weights would outlive the model. For layers that belong to one
 * model alone (built by nnspec, or loaded from a file), keep one reference each: then
 * model.dispose() frees everything.
 */
export function releaseSharedReferences(layers: Iterable<TfjsLayer>): void {
  for (const layer of layers) {
    for (let i = 1; i < layer.inboundNodes.length; i++) layer.dispose();
  }
}
