import type { Variable } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { fileStartSpan } from "../../src/diagnostics/span.js";
import type { OptimizerName } from "../../src/ir/pipeline-types.js";
import { batchTensors } from "../../src/train/batch-tensors.js";
import { readWeights } from "../../src/backend/weights-snapshot.js";
import { clipGradients } from "../../src/train/gradient-clipping.js";
import { lossFunctions } from "../../src/train/loss-functions.js";
import { createOptimizer, setLearningRate } from "../../src/train/optimizer.js";
import { trainStep } from "../../src/train/train-step.js";
import { specIR } from "./support.js";

const span = fileStartSpan("m.nnspec");

describe("optimizers", () => {
  it("gives AdamW Keras's decoupled weight decay: w ← w·(1 − lr·wd) − lr·m̂/(√v̂ + ε)", async () => {
    const { tf } = await initBackend("cpu");
    const ir = specIR(`model Linear {
  input x: float32[batch, 2]
  output y = x |> Dense(1)
}`);
    const { model } = await buildModel(ir, { seed: 4, backend: "cpu" });
    const before = readWeights(ir, model);
    const lr = 0.1;
    const { optimizer, weightDecay } = createOptimizer(tf, { name: "adamw", learning_rate: lr, weight_decay: 0.5 }, span);
    expect(weightDecay).toBe(0.5);
    const parts = { tf, model, losses: lossFunctions(model, ["mse"], optimizer), metrics: [], regularized: [], optimizer, weightDecay, clipping: { clipnorm: null, clipvalue: null } };
    const x = [1.5, -2];
    const target = 3;
    trainStep(parts, batchTensors(tf, { size: 1, inputs: [{ data: Float32Array.from(x), shape: [1, 2], dtype: "float32" }], labels: [{ data: Float32Array.of(target), shape: [1, 1] }] }));

    const w = before.get("y/kernel")!;
    const b = before.get("y/bias")![0]!;
    const error = x[0]! * w[0]! + x[1]! * w[1]! + b - target;
    // On Adam's first step m̂ = g and v̂ = g², so the step is lr·g/(|g| + ε).
    const adamStep = (g: number): number => (lr * g) / (Math.abs(g) + 1e-7);
    const expectedKernel = [0, 1].map((i) => w[i]! * (1 - lr * 0.5) - adamStep(2 * error * x[i]!));
    const expectedBias = b * (1 - lr * 0.5) - adamStep(2 * error);
    const after = readWeights(ir, model);
    expect(Array.from(after.get("y/kernel")!)[0]).toBeCloseTo(expectedKernel[0]!, 5);
    expect(Array.from(after.get("y/kernel")!)[1]).toBeCloseTo(expectedKernel[1]!, 5);
    expect(after.get("y/bias")![0]).toBeCloseTo(expectedBias, 5);
    model.dispose();
    optimizer.dispose();
  });

  it("fills Keras's defaults, and refuses options an optimizer does not have", async () => {
    const { tf } = await initBackend("cpu");
    expect(createOptimizer(tf, { name: "adamw", learning_rate: 0.001 }, span).weightDecay).toBe(0.004);
    expect(createOptimizer(tf, { name: "adam", learning_rate: 0.001 }, span).weightDecay).toBe(0);
    expect(() => createOptimizer(tf, { name: "sgd", learning_rate: 0.1, beta_1: 0.9 }, span)).toThrow(
      "NN6045: optimizer sgd has no option 'beta_1' (options: learning_rate, weight_decay, momentum, nesterov)",
    );
  });

  it.each(["sgd", "momentum", "adam", "adamw", "rmsprop", "adagrad"] as OptimizerName[])("%s takes a new learning rate on the next step", async (name) => {
    const { tf } = await initBackend("cpu");
    const { optimizer } = createOptimizer(tf, { name, learning_rate: 0.5 }, span);
    const variable = tf.variable(tf.tensor1d([1, -2]), true, `lr-test-${name}`) as Variable;
    const step = (): number[] => {
      optimizer.applyGradients({ [variable.name]: tf.tensor1d([0.3, -0.7]) });
      return Array.from(variable.dataSync());
    };
    setLearningRate(optimizer, 0);
    expect(step()).toEqual([1, -2]);
    setLearningRate(optimizer, 0.5);
    expect(step()).not.toEqual([1, -2]);
    variable.dispose();
    optimizer.dispose();
  });
});

describe("gradient clipping", () => {
  it("scales each gradient to at most clipnorm (Keras's per-weight clipnorm) or clips each value", async () => {
    const { tf } = await initBackend("cpu");
    const gradients = { a: tf.tensor1d([3, 4]), b: tf.tensor1d([0.3, -0.4]) };
    const values = (map: Record<string, { dataSync(): ArrayLike<number> }>): Record<string, number[]> =>
      Object.fromEntries(Object.entries(map).map(([k, t]) => [k, Array.from(t.dataSync()).map((v) => Number(v.toFixed(5)))]));
    expect(values(clipGradients(tf, gradients, { clipnorm: 1, clipvalue: null }))).toEqual({ a: [0.6, 0.8], b: [0.3, -0.4] });
    expect(values(clipGradients(tf, gradients, { clipnorm: null, clipvalue: 0.35 }))).toEqual({ a: [0.35, 0.35], b: [0.3, -0.35] });
    expect(clipGradients(tf, gradients, { clipnorm: null, clipvalue: null })).toBe(gradients);
  });
});
