import type { Tensor } from "@tensorflow/tfjs";
import { expect, it } from "vitest";
import { referenceAttention, SEED_ATTENTION } from "../../bench/build/reference-attention.mjs";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { maxAbsDifference } from "./arrays.js";
import { moments } from "./statistics.js";
import { seedIR } from "./seed-specs.js";

// The seed's attention cell wired by hand as its Keras code does, given nnspec's weights,
// must compute what nnspec's model computes: same layers, same options, same weight order.
it("nnspec's attention model computes what the seed's Keras wiring computes", async () => {
  const { tf } = await initBackend("cpu");
  const before = tf.memory().numTensors;
  const ir = seedIR("attention.nnspec");
  const { model } = await buildModel(ir, { seed: 3, backend: "cpu" });
  const reference = referenceAttention(tf, { fastInit: true });

  const weighted = ir.layers.filter((layer) => layer.weights.length > 0).map((layer) => layer.name);
  expect(weighted).toEqual(["embedding", "bilstm1", "bilstm2", "h"]);
  expect(reference.layers.filter((layer) => layer.weights.length > 0).map((layer) => layer.name).sort()).toEqual(
    [...weighted].sort(),
  );
  for (const name of weighted) reference.getLayer(name).setWeights(model.getLayer(name).getWeights());

  // Valid IDs spread over the whole vocabulary.
  const ids = (length: number) =>
    tf.tensor2d(
      Array.from({ length: 4 }, (_, row) => Array.from({ length }, (_, t) => (row * 251 + t * 37) % SEED_ATTENTION.vocabSize)),
      [4, length],
      "int32",
    );
  const inputs = [ids(SEED_ATTENTION.seqLength1), ids(SEED_ATTENTION.seqLength2)];
  const ours = model.predict(inputs) as Tensor;
  const theirs = reference.predict(inputs) as Tensor;
  expect(ours.shape).toEqual([4, 30, 200]);
  const [a, b] = [await ours.data(), await theirs.data()];
  expect(Math.sqrt(moments(a).variance)).toBeGreaterThan(100 * 1e-5); // a signal well above the tolerance
  expect(maxAbsDifference(a, b)).toBeLessThan(1e-5);

  tf.dispose([...inputs, ours, theirs]);
  model.dispose();
  reference.dispose();
  // tfjs holds one reference per application: the hand-built shared Embedding needs a second release.
  reference.getLayer("embedding").dispose();
  expect(tf.memory().numTensors).toBe(before);
});
