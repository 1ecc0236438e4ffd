import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";

/**
 * tfjs's RNNs with return_state and without return_sequences return one tensor both as the
 * output and as h. The model's executor frees a tensor once its last consumer ran, so using
 * both crashes predict ("Cannot read properties of undefined"). Cloning a repeated result gives
 * each output its own handle on the same data. Applied to every layer of a built or loaded model.
 */
export function cloneRepeatedOutputs(tf: Tf, model: LayersModel): void {
  for (const layer of model.layers) {
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => {
      const result = call(inputs, kwargs);
      if (!Array.isArray(result)) return result;
      return result.map((tensor: Tensor, i: number) => (result.indexOf(tensor) < i ? tf.clone(tensor) : tensor));
    };
  }
}
