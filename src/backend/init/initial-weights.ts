import type { ModelIR } from "../../ir/types.js";
import { initialValues } from "./initial-values.js";
import { weightStream } from "./random-stream.js";

/** The key of one weight in a weights map: "<layer>/<weight>", e.g. "bilstm1/forward_lstm/kernel". */
export function weightKey(layer: string, weight: string): string {
  return `${layer}/${weight}`;
}

/**
 * Every weight of the model, computed in JS from its initializer spec. Each weight draws from
 * its own stream of (seed, layer, weight), so the result does not depend on the backend, on
 * the order of layers, or on which other layers exist.
 */
export function initialWeights(ir: Pick<ModelIR, "layers">, seed: number): Map<string, Float32Array> {
  const weights = new Map<string, Float32Array>();
  for (const layer of ir.layers) {
    for (const weight of layer.weights) {
      const stream = weightStream(seed, layer.name, weight.name);
      weights.set(weightKey(layer.name, weight.name), initialValues(weight.initializer, weight.shape, stream));
    }
  }
  return weights;
}
