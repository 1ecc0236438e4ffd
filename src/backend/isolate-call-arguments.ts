import type { LayersModel } from "@tensorflow/tfjs";

/**
 * tfjs-layers' graph executor (engine/executor.js) hands every layer of one predict or fit the
 * same kwargs object: the mask it sets for a layer with a masked input stays there for every
 * later layer, masked or not, and what a layer's apply writes into it (an RNN's initialState)
 * reaches the next layer. Each layer of nnspec's models gets its own copy instead, and the mask
 * leaves the shared object once used: a layer sees a mask only when its input has one, as in
 * Keras. Applied to every layer of a built or loaded model. (A program that loads model.json
 * with tfjs-layers alone still runs tfjs's executor as it is.)
 */
export function isolateCallArguments(model: LayersModel): void {
  for (const layer of model.layers) {
    const apply = layer.apply.bind(layer);
    layer.apply = (inputs, kwargs) => {
      if (kwargs === undefined || kwargs === null) return apply(inputs, kwargs);
      const own = { ...kwargs };
      delete kwargs.mask;
      return apply(inputs, own);
    };
  }
}
