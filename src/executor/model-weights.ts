import type { LayersModel } from "@tensorflow/tfjs";
import { BackendError } from "../backend/errors.js";
import { weightKey } from "../backend/init/initial-weights.js";
import type { ModelIR } from "../ir/types.js";

/**
 * The weights of a Layers model that nnspec built from this IR (buildModel, or loaded from a
 * compiled directory), as the executor takes them: row-major copies keyed by weightKey, in IR
 * WeightSpec order. An executor made from them computes with exactly the Layers model's weights.
 * Reads the variables in place: no tensor is created, none is left behind.
 */
export function modelWeights(ir: ModelIR, model: LayersModel): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  for (const layer of ir.layers) {
    if (layer.weights.length === 0) continue;
    const variables = model.getLayer(layer.name).weights;
    if (variables.length !== layer.weights.length) {
      throw new BackendError("InternalError", `layer '${layer.name}' has ${variables.length} weights in TensorFlow.js but ${layer.weights.length} in the IR`);
    }
    layer.weights.forEach((spec, i) => {
      const values = variables[i]!.read().dataSync();
      weights.set(weightKey(layer.name, spec.name), Float32Array.from(values));
    });
  }
  return weights;
}
