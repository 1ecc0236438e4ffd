import type { ModelIR } from "../ir/types.js";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";
import { elementCount } from "./init/element-count.js";
import { weightKey } from "./init/initial-weights.js";
import type { LoweredLayer } from "./lowered-layer.js";

/** Sets every layer's weights, in WeightSpec order, from row-major values keyed by weightKey. */
export function setLayerWeights(
  tf: Tf,
  ir: ModelIR,
  layers: ReadonlyMap<string, LoweredLayer>,
  weights: ReadonlyMap<string, Float32Array>,
): void {
  // The variables keep their own reference to the data; tidy frees the staging tensors.
  tf.tidy(() => {
    for (const layer of ir.layers) {
      if (layer.weights.length === 0) continue;
      const tfLayer = layers.get(layer.name)!.main;
      const variables = tfLayer.weights;
      tfLayer.setWeights(
        layer.weights.map((spec, i) => tf.tensor(weights.get(weightKey(layer.name, spec.name))!, spec.shape, variables[i]!.dtype)),
      );
    }
  });
}

/** Given weights must cover every weight of the IR with the right number of values (NN6009 otherwise). */
export function checkGivenWeights(ir: ModelIR, weights: ReadonlyMap<string, Float32Array>): void {
  const problems: string[] = [];
  for (const layer of ir.layers) {
    for (const spec of layer.weights) {
      const key = weightKey(layer.name, spec.name);
      const values = weights.get(key);
      const size = elementCount(spec.shape);
      if (!values) problems.push(`${key} is missing`);
      else if (values.length !== size) problems.push(`${key} has ${values.length} values, expected ${size} for [${spec.shape.join(", ")}]`);
    }
  }
  if (problems.length > 0) throw new BackendError("InvalidModelDirectory", `weights do not fit the model: ${problems.join("; ")}`);
}
