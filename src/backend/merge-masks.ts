import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";

/** tfjs-layers' element-wise merges (subclasses of its Merge layer). */
const MERGES = new Set(["Add", "Multiply", "Average", "Maximum", "Minimum"]);

/**
 * tfjs-layers' Merge.computeMask returns the first mask with an axis added in front ([1, batch,
 * time]) and skips the last input's, so a layer after a masked Add gets a mask of the wrong
 * shape. Keras keeps a step where every masked input keeps it; so do the merges of nnspec's
 * models. Applied to every layer of a built or loaded model.
 */
export function keepMergeMasks(tf: Tf, model: LayersModel): void {
  for (const layer of model.layers) {
    if (!MERGES.has(layer.getClassName())) continue;
    layer.computeMask = (_inputs: Tensor | Tensor[], mask?: Tensor | Tensor[]) => {
      const masks = (Array.isArray(mask) ? mask : [mask]).filter((m): m is Tensor => m !== null && m !== undefined);
      if (masks.length === 0) return null as unknown as Tensor;
      return tf.tidy(() => masks.slice(1).reduce((kept, next) => tf.logicalAnd(kept, next), masks[0]!));
    };
  }
}
