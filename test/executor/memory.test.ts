import { expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { createExecutor, modelWeights } from "../../src/executor/index.js";
import { seedIR } from "../backend/seed-specs.js";
import { randomInputs, randomWeights } from "./model-data.js";
import { RUN_SEED, seededRandom } from "./random.js";

it("reads a Layers model's weights without leaving tensors, and predicts 100 times without leaks or memory growth", async () => {
  const { tf } = await initBackend("wasm");
  const ir = seedIR("attention.nnspec");
  const before = tf.memory().numTensors;
  const { model } = await buildModel(ir, { seed: RUN_SEED, backend: "wasm" });
  const weights = modelWeights(ir, model);
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);

  const executor = await createExecutor(ir, weights);
  const random = seededRandom(RUN_SEED);
  const batches = [1, 4, 2].map((batch) => randomInputs(ir, batch, random));
  // The first call for each shape plans it, and may grow the memory once.
  const first = await Promise.all(batches.map((inputs) => executor.predict(inputs)));
  const bytes = executor.memoryBytes;
  const tensors = tf.memory().numTensors;
  for (let run = 0; run < 100; run++) {
    const i = run % batches.length;
    const { h } = await executor.predict(batches[i]!);
    // Every run of the same inputs gives the same bits: no buffer is overwritten while still needed.
    if (run >= 97) expect(h!.data).toEqual(first[i]!.h!.data);
  }
  expect(tf.memory().numTensors).toBe(tensors);
  expect(executor.memoryBytes).toBe(bytes);
  await executor.dispose();
});

it("keeps activations in reused buffers: far less memory than one buffer per value and step", async () => {
  const ir = seedIR("attention.nnspec");
  const weights = new Map(ir.layers.flatMap((layer) => layer.weights.map((w) => [`${layer.name}/${w.name}`, new Float32Array(w.shape.reduce((a, b) => a * b, 1))])));
  const inputs = randomInputs(ir, 32, seededRandom(RUN_SEED));
  const sizes: number[] = [];
  for (const reuseBuffers of [true, false]) {
    const executor = await createExecutor(ir, weights, { threads: 1, optimizations: { reuseBuffers } });
    const weightsOnly = executor.memoryBytes;
    await executor.predict(inputs);
    sizes.push(executor.memoryBytes - weightsOnly);
    await executor.dispose();
  }
  expect(sizes[0]! * 2).toBeLessThan(sizes[1]!);
});

it("plans for many input shapes in turn: the oldest are dropped and made again, with the same results", async () => {
  const ir = seedIR("bilstm.nnspec");
  const random = seededRandom(RUN_SEED);
  const executor = await createExecutor(ir, randomWeights(ir, random));
  // More batch sizes than the executor keeps plans for; large enough to share tasks with the worker.
  const batches = Array.from({ length: 12 }, (_, i) => randomInputs(ir, 8 + i, random));
  const first = [];
  for (const inputs of batches) first.push((await executor.predict(inputs)).states!.data);
  const bytes = executor.memoryBytes;
  for (const [i, inputs] of batches.entries()) expect((await executor.predict(inputs)).states!.data).toEqual(first[i]);
  expect(executor.memoryBytes).toBe(bytes);
  await executor.dispose();
});
