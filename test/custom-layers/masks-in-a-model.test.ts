import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { Options } from "../../src/ir/types.js";
import { runLayer } from "../layers/harness.js";
import { buildLayer } from "../layers/tfjs-layer-case.js";
import { random, setUpCustomLayers } from "./custom-layer-run.js";

/**
 * In a TensorFlow.js model the mask of Embedding(mask_zero=true) reaches nnspec's attention
 * layers. tfjs's executor hands a layer the mask of its first input only, so that is the
 * query's: padded query steps attend uniformly (MultiHeadAttention, as Keras's) or give zeros
 * (the other attention layers, as Keras's Attention), and the query's mask is passed on.
 */

beforeAll(setUpCustomLayers);

function maskedModel(type: string, options: Options): tf.LayersModel {
  const query = tf.input({ shape: [3], dtype: "int32" });
  const value = tf.input({ shape: [4, 6] });
  const run = runLayer(type, { ...options, return_attention_scores: true }, [{ shape: [1, 3, 6] }, { shape: [1, 4, 6] }]);
  const layer = buildLayer(getLayerDefinition(type)!.toTfjs({ name: `${type.toLowerCase()}_masked`, options: run.options }));
  const embedded = tf.layers.embedding({ inputDim: 10, outputDim: 6, maskZero: true }).apply(query) as tf.SymbolicTensor;
  const outputs = layer.apply([embedded, value]) as tf.SymbolicTensor[];
  // A recurrent layer after it skips the steps the passed-on mask marks as padding.
  const carried = tf.layers.simpleRNN({ units: 2, returnSequences: true }).apply(outputs[0]) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [query, value], outputs: [...outputs, carried] });
  model.setWeights(model.weights.map((w) => random(w.shape as number[])));
  return model;
}

const queryIds = tf.tensor2d([[1, 2, 0], [4, 0, 0]], undefined, "int32");
const padded = [[false, false, true], [false, true, true]];

describe("padding masks in a model", () => {
  it.each(["Attention", "AdditiveAttention", "LuongAttention", "ScaledDotProductAttention"])("%s gives zeros for padded query steps", (type) => {
    const model = maskedModel(type, {});
    const [output, , carried] = model.predict([queryIds, tf.randomNormal([2, 4, 6])]) as tf.Tensor[];
    const rows = output.arraySync() as number[][][];
    const steps = carried.arraySync() as number[][][];
    padded.forEach((example, b) =>
      example.forEach((isPadding, t) => {
        expect(rows[b][t].every((v) => v === 0)).toBe(isPadding);
        // A masked step repeats the recurrent layer's previous output.
        if (isPadding) expect(steps[b][t]).toEqual(steps[b][t - 1]);
      }),
    );
    model.dispose();
  });

  it("MultiHeadAttention attends uniformly from padded query steps", () => {
    const model = maskedModel("MultiHeadAttention", { num_heads: 2, key_dim: 3 });
    const [, scores] = model.predict([queryIds, tf.randomNormal([2, 4, 6])]) as tf.Tensor[];
    const weights = scores.arraySync() as number[][][][];
    padded.forEach((example, b) =>
      example.forEach((isPadding, t) => {
        for (const head of weights[b]) {
          const uniform = head[t].every((w) => Math.abs(w - 0.25) < 1e-6);
          expect(uniform).toBe(isPadding);
        }
      }),
    );
    model.dispose();
  });
});
