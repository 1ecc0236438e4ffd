import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { readWeights } from "../../src/backend/weights-snapshot.js";
import { regularizationPenalty, regularizedWeights } from "../../src/train/regularization.js";
import { specIR } from "./support.js";

const REGULARIZED = `model R {
  input ids: int32[batch, 5]
  e = ids |> Embedding(20, 4, embeddings_regularizer=l1(0.01))
  l = e |> LSTM(3, return_sequences=true, kernel_regularizer=l2(0.1), recurrent_regularizer=l1_l2(l1=0.01, l2=0.02), bias_regularizer=l2(0.5))
  b = l |> Bidirectional(LSTM(2, kernel_regularizer=l2(0.3)), merge_mode="concat")
  output y = b |> Dense(2, activation="softmax", kernel_regularizer=l2(0.2), bias_regularizer=l1(0.3))
}`;

describe("regularizers in training", () => {
  it("adds l1·Σ|w| + l2·Σw² for every regularized weight of the IR, recurrent and wrapped layers included", async () => {
    const { tf } = await initBackend("cpu");
    const ir = specIR(REGULARIZED);
    const { model } = await buildModel(ir, { seed: 3, backend: "cpu" });
    // Known weights: a pattern with signs, so L1 and L2 differ.
    const weights = readWeights(ir, model);
    for (const values of weights.values()) values.forEach((_, i) => (values[i] = ((i % 7) - 3) / 10));
    const { writeWeights } = await import("../../src/backend/weights-snapshot.js");
    writeWeights(tf, ir, model, weights);

    const regularized = regularizedWeights(ir, model);
    expect(regularized.map((weight) => weight.key)).toEqual([
      "e/embeddings",
      "l/kernel",
      "l/recurrent_kernel",
      "l/bias",
      "b/forward_lstm/kernel",
      "b/backward_lstm/kernel",
      "y/kernel",
      "y/bias",
    ]);
    let expected = 0;
    for (const layer of ir.layers) {
      for (const spec of layer.weights) {
        if (!spec.regularizer) continue;
        const values = Array.from(weights.get(`${layer.name}/${spec.name}`)!);
        expected += spec.regularizer.l1 * values.reduce((s, v) => s + Math.abs(v), 0) + spec.regularizer.l2 * values.reduce((s, v) => s + v * v, 0);
      }
    }
    const penalty = tf.tidy(() => regularizationPenalty(tf, regularized)!.dataSync()[0]!);
    expect(penalty).toBeCloseTo(expected, 4);
    // tfjs-layers alone would count only the Embedding and the Dense layer.
    const tfjsOwn = model.calculateLosses().reduce((sum, loss) => sum + loss.dataSync()[0]!, 0);
    expect(tfjsOwn).toBeLessThan(expected / 2);
    model.dispose();
  });

  it("has no penalty without regularizers", async () => {
    const { tf } = await initBackend("cpu");
    const ir = specIR(`model P {
  input x: float32[batch, 3]
  output y = x |> Dense(2)
}`);
    const { model } = await buildModel(ir, { seed: 1, backend: "cpu" });
    expect(regularizationPenalty(tf, regularizedWeights(ir, model))).toBeUndefined();
    model.dispose();
  });
});
