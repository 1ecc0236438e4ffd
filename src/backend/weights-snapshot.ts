import type { LayersModel } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";
import { weightKey } from "./init/initial-weights.js";
import type { ModelIR } from "../ir/types.js";

/** Every weight of the model, row-major, keyed like initialWeights ("lstm/kernel"), in IR order. */
export function readWeights(ir: ModelIR, model: LayersModel): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  for (const layer of ir.layers) {
    const variables = model.getLayer(layer.name).weights;
    layer.weights.forEach((spec, i) => {
      weights.set(weightKey(layer.name, spec.name), Float32Array.from(variables[i]!.read().dataSync()));
    });
  }
  return weights;
}

/** Sets every weight of the model from a snapshot taken by readWeights (or read from a saved model). */
export function writeWeights(tf: Tf, ir: ModelIR, model: LayersModel, weights: ReadonlyMap<string, Float32Array>): void {
  // The variables copy the values; tidy frees the staging tensors.
  tf.tidy(() => {
    for (const layer of ir.layers) {
      if (layer.weights.length === 0) continue;
      const tfLayer = model.getLayer(layer.name);
      tfLayer.setWeights(layer.weights.map((spec) => tf.tensor(weights.get(weightKey(layer.name, spec.name))!, spec.shape)));
    }
  });
}
