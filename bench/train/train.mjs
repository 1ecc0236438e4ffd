#!/usr/bin/env node
// Benchmark of a training step: the same model, data and number of steps trained in one
// process on the same TensorFlow.js backend, (1) through nnspec's train() reading the
// examples from a CSV file, and (2) by hand with tfjs-layers' model.fit on tensors already in
// memory. Prints the time per step of each and their ratio (target: nnspec ≤ 1.05 × by hand).
//
// Run after `npm run build`: node bench/train/train.mjs [--backend wasm|cpu] [--steps N] [--rounds N]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { initBackend } from "../../dist/backend/index.js";
import { registerKernels } from "../../dist/backend/kernels/index.js";
import { check } from "../../dist/index.js";
import { defaultTrainingConfig, train } from "../../dist/train/index.js";

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const backend = option("backend", "wasm");
const steps = Number(option("steps", "60"));
const rounds = Number(option("rounds", "3"));
const BATCH = 32;
const LENGTH = 20;
const VOCABULARY = 1000;
const CLASSES = 5;

const SPEC = `model Bench {
  input tokens: int32[batch, ${LENGTH}]
  output label = tokens |> Embedding(${VOCABULARY}, 64) |> LSTM(64) |> Dense(${CLASSES}, activation="softmax")
}`;

// Deterministic examples: the label is the most frequent token's residue, so the task is learnable.
let state = 12345;
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
const examples = Array.from({ length: steps * BATCH }, () => {
  const tokens = Array.from({ length: LENGTH }, () => Math.floor(random() * VOCABULARY));
  return { tokens, label: tokens[0] % CLASSES };
});
const directory = mkdtempSync(join(tmpdir(), "nnspec-bench-train-"));
const dataPath = join(directory, "train.csv");
writeFileSync(dataPath, ["tokens,label", ...examples.map((e) => `${e.tokens.join(" ")},${e.label}`)].join("\n") + "\n");

const { ir, diagnostics } = check(SPEC, { file: "bench.nnspec" });
if (!ir) throw new Error(diagnostics.map((d) => d.message).join("; "));
const { tf } = await initBackend(backend);
// model.fit needs it as much as nnspec does: Embedding's gradient on wasm (train() registers it too).
registerKernels(tf);

/** Seconds per step from the times at which steps ended, leaving out the first (warm-up) step. */
const perStep = (ends) => (ends.at(-1) - ends[0]) / (ends.length - 1) / 1000;

async function viaNnspec() {
  const config = {
    ...defaultTrainingConfig(),
    optimizer: { name: "adam", learning_rate: 0.001 },
    loss: ["sparse_categorical_crossentropy"],
    metrics: ["accuracy"],
    epochs: 1,
    batch_size: BATCH,
  };
  const ends = [];
  const result = await train(ir, { train: dataPath }, config, {
    seed: 1,
    backend,
    onEvent: (event) => {
      if (event.type === "batch") ends.push(performance.now());
    },
  });
  result.model.dispose();
  return perStep(ends);
}

async function byHand() {
  const input = tf.input({ shape: [LENGTH], dtype: "int32" });
  const embedded = tf.layers.embedding({ inputDim: VOCABULARY, outputDim: 64 }).apply(input);
  // Initial values do not change what a step costs; tfjs's orthogonal default is slow and warns.
  const encoded = tf.layers.lstm({ units: 64, recurrentActivation: "sigmoid", recurrentInitializer: "glorotUniform" }).apply(embedded);
  const output = tf.layers.dense({ units: CLASSES, activation: "softmax" }).apply(encoded);
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.001), loss: "sparseCategoricalCrossentropy", metrics: ["accuracy"] });
  const x = tf.tensor2d(examples.map((e) => e.tokens), [examples.length, LENGTH], "int32");
  const y = tf.tensor2d(examples.map((e) => [e.label]), [examples.length, 1]);
  const ends = [];
  await model.fit(x, y, { epochs: 1, batchSize: BATCH, shuffle: true, verbose: 0, callbacks: { onBatchEnd: () => void ends.push(performance.now()) } });
  tf.dispose([x, y]);
  model.dispose();
  return perStep(ends);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (seconds) => `${(seconds * 1000).toFixed(1)} ms`;

console.log(`Training Embedding(${VOCABULARY}, 64) → LSTM(64) → Dense(${CLASSES}) on ${backend}: ${steps} steps of ${BATCH} per run, ${rounds} rounds, one process.`);
// A first run of each loads kernels and warms the JIT; it is not counted.
await byHand();
await viaNnspec();
const times = { nnspec: [], hand: [] };
for (let round = 0; round < rounds; round++) {
  times.hand.push(await byHand());
  times.nnspec.push(await viaNnspec());
  console.log(`  round ${round + 1}: by hand ${ms(times.hand.at(-1))}/step, nnspec ${ms(times.nnspec.at(-1))}/step`);
}
const ratio = median(times.nnspec) / median(times.hand);
console.log(`\nby hand (tfjs model.fit, tensors in memory)   ${ms(median(times.hand))} per step (median)`);
console.log(`nnspec train (examples read from CSV)        ${ms(median(times.nnspec))} per step (median)`);
console.log(`nnspec / by hand                              ${ratio.toFixed(3)} (target ≤ 1.05: ${ratio <= 1.05 ? "met" : "NOT met"})`);
rmSync(directory, { recursive: true, force: true });
