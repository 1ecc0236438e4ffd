#!/usr/bin/env node
// Inference benchmark, in one process, on every TensorFlow.js backend available here (wasm, cpu;
// tensorflow when @tensorflow/tfjs-node is installed). For each seed spec and each example under
// specs/examples (symbolic dims 24 steps long, padded token IDs where masks apply), at batch 1 and 32:
//  - the seed attention model written by hand with tfjs-layers, as the seed's Keras code wires it
//    (bench/build/reference-attention.mjs), given the same weights (attention only);
//  - nnspec's Layers model (buildModel);
//  - nnspec's executor, made from that Layers model's weights (modelWeights);
// and the attention forward pass in numpy (numpy_attention.py, its own process, single-threaded
// OpenBLAS). Times are medians of interleaved runs; outputs are checked to agree. Then what each of
// the executor's optimisations gives, each turned off on its own. Prints the tables and writes them
// to bench/results/inference.md.
//
// Run after `npm install` (which builds dist/): `node bench/inference/inference.mjs [--quick]`.
// --quick: fewer runs, and only the attention spec.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildModel, initBackend, weightKey } from "../../dist/backend/index.js";
import { createExecutor, modelWeights } from "../../dist/executor/index.js";
import { check } from "../../dist/index.js";
import { referenceAttention } from "../build/reference-attention.mjs";
import { coresObtained, describeMachine } from "./machine.mjs";
import { runNumpyAttention } from "./numpy-reference.mjs";
import { ms, ratio, scientific, table } from "./report.mjs";
import { measure, median } from "./timing.mjs";

const quick = process.argv.includes("--quick");
const SEED_SPECS = ["attention.nnspec", "bilstm.nnspec", "lstm.nnspec", "simple_rnn.nnspec", "embedding.nnspec", "softmax.nnspec"].map((file) => `seed/${file}`);
const EXAMPLES = readdirSync(fileURLToPath(new URL("../../specs/examples", import.meta.url))).filter((f) => f.endsWith(".nnspec")).sort().map((file) => `examples/${file}`);
const SPECS = quick ? ["seed/attention.nnspec"] : [...SEED_SPECS, ...EXAMPLES];
/** The length of symbolic and unknown dims (time) in the examples. */
const STEPS = 24;
const BATCHES = [1, 32];
const ATTENTION = "seed/attention.nnspec";
/** Runs per measurement: the cpu backend's Layers models take seconds per predict at batch 32. */
const RUNS = {
  wasm: { warmup: 2, minRuns: quick ? 5 : 15, maxRuns: quick ? 10 : 40, budgetMs: quick ? 5_000 : 20_000 },
  cpu: { warmup: 1, minRuns: 3, maxRuns: quick ? 3 : 15, budgetMs: quick ? 10_000 : 30_000 },
  tensorflow: { warmup: 2, minRuns: 5, maxRuns: 30, budgetMs: 20_000 },
};

function specIR(file) {
  const source = readFileSync(fileURLToPath(new URL(`../../specs/${file}`, import.meta.url)), "utf8");
  const { ir, diagnostics } = check(source, { file: `specs/${file}` });
  if (!ir) throw new Error(`${file} does not check: ${diagnostics.map((d) => d.message).join("; ")}`);
  return ir;
}

/** A seeded generator (mulberry32), so every backend and numpy see the same inputs. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Embedding that reads each int32 input: its vocabulary size, and whether ID 0 is padding. */
function embeddingsOf(ir) {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const found = new Map();
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer);
    if (layer.type === "Embedding" && !found.has(node.inputs[0])) found.set(node.inputs[0], { vocabulary: layer.options.input_dim, padded: layer.options.mask_zero === true });
  }
  return found;
}

/**
 * Token IDs over the whole vocabulary (the seed's 1000), floats in [-2, 2], symbolic dims STEPS
 * long. Where ID 0 is padding (mask_zero), each row after the first ends in padding of random
 * length, as batches of sentences do.
 */
function inputsFor(ir, batch) {
  const random = seeded(batch);
  const embeddings = embeddingsOf(ir);
  return Object.fromEntries(ir.inputs.map((input) => {
    const shape = input.shape.map((dim, axis) => (axis === 0 ? batch : typeof dim === "number" ? dim : STEPS));
    const size = shape.reduce((a, b) => a * b, 1);
    const embedding = embeddings.get(input.id) ?? { vocabulary: 1000, padded: false };
    const data = input.dtype === "int32" ? Int32Array.from({ length: size }, () => Math.floor(random() * embedding.vocabulary)) : Float32Array.from({ length: size }, () => random() * 4 - 2);
    if (input.dtype === "int32" && embedding.padded) {
      const length = size / batch;
      for (let row = 0; row < batch; row++) {
        const kept = row === 0 ? length : 1 + Math.floor(random() * length);
        for (let t = 0; t < length; t++) data[row * length + t] = t < kept ? Math.max(1, data[row * length + t]) : 0;
      }
    }
    return [input.name, { data, shape }];
  }));
}

/** The largest difference relative to the reference's largest magnitude. */
function relativeError(actual, expected) {
  let [worst, scale] = [0, 0];
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  return worst / scale;
}

function layersPredictor(tf, model, ir, inputs) {
  const tensors = ir.inputs.map((input) => tf.tensor(inputs[input.name].data, inputs[input.name].shape, input.dtype));
  const predict = async () => {
    const out = model.predict(tensors);
    const outputs = Array.isArray(out) ? out : [out];
    const data = await Promise.all(outputs.map((t) => t.data()));
    tf.dispose(outputs);
    return data;
  };
  return { predict, dispose: () => tf.dispose(tensors) };
}

/** The hand-written attention model with the built model's weights. */
function handWritten(tf, model) {
  const reference = referenceAttention(tf, { fastInit: true });
  for (const layer of reference.layers) if (layer.weights.length > 0) layer.setWeights(model.getLayer(layer.name).getWeights());
  return reference;
}

const started = new Date();
const coresAtStart = await coresObtained();
const attentionRows = [];
const otherRows = [];
const exampleRows = [];
const unavailable = [];
const numpy = new Map();
let tfVersion = "unknown";

for (const backend of ["wasm", "cpu", "tensorflow"]) {
  let tf;
  try {
    ({ tf } = await initBackend(backend));
  } catch (error) {
    unavailable.push(`${backend}: ${error.message}`);
    continue;
  }
  tfVersion = tf.version.tfjs;
  for (const file of SPECS) {
    const ir = specIR(file);
    const { model } = await buildModel(ir, { seed: 1, backend });
    const weights = modelWeights(ir, model);
    const executor = await createExecutor(ir, weights);
    const hand = file === ATTENTION ? handWritten(tf, model) : undefined;
    for (const batch of BATCHES) {
      const inputs = inputsFor(ir, batch);
      const layers = layersPredictor(tf, model, ir, inputs);
      const byHand = hand && layersPredictor(tf, hand, ir, inputs);
      const competitors = { executor: () => executor.predict(inputs), layers: layers.predict };
      if (byHand) competitors.hand = byHand.predict;
      const times = await measure(competitors, RUNS[backend]);

      const expected = await layers.predict();
      const actual = await executor.predict(inputs);
      const difference = Math.max(...ir.outputs.map((output, i) => relativeError(actual[output.name].data, expected[i])));
      const handDifference = byHand && relativeError((await byHand.predict())[0], expected[0]);
      const row = { backend, file, batch, runs: times.executor.length, executor: median(times.executor), layers: median(times.layers), difference, kernel: executor.kernel, threads: executor.threads };
      if (file === ATTENTION) {
        if (!numpy.has(batch)) {
          const shapes = new Map(ir.layers.flatMap((layer) => layer.weights.map((w) => [weightKey(layer.name, w.name), w.shape])));
          numpy.set(batch, runNumpyAttention(weights, shapes, inputs, quick ? 10 : 30));
        }
        const reference = numpy.get(batch);
        attentionRows.push({
          ...row,
          hand: median(times.hand),
          handRuns: times.hand.length,
          handDifference,
          numpy: reference.times && median(reference.times),
          numpyDifference: reference.output && relativeError(actual.h.data, reference.output),
          numpyError: reference.error,
        });
      } else (file.startsWith("examples/") ? exampleRows : otherRows).push(row);
      layers.dispose();
      byHand?.dispose();
      console.error(`${backend} ${file} batch ${batch}: executor ${ms(row.executor)} ms, Layers ${ms(row.layers)} ms${byHand ? `, by hand ${ms(median(times.hand))} ms` : ""}`);
    }
    hand?.dispose();
    hand?.getLayer("embedding").dispose();
    model.dispose();
    await executor.dispose();
  }
}

// What each optimisation gives: one turned off at a time, interleaved with the default. The
// attention model has every part but identities; the SimpleRNN cell has a Dropout.
const ablationRows = [];
const ABLATION_SPECS = quick ? [ATTENTION] : [ATTENTION, "seed/simple_rnn.nnspec"];
const VARIANTS = {
  "all on (default)": {},
  "one thread": { threads: 1 },
  "without removeDeadNodes": { optimizations: { removeDeadNodes: false } },
  "without foldConstants": { optimizations: { foldConstants: false } },
  "without hoistInputProjection": { optimizations: { hoistInputProjection: false } },
  "without fuseEpilogue": { optimizations: { fuseEpilogue: false } },
  "without fuseGates": { optimizations: { fuseGates: false } },
  "without mergeDirections": { optimizations: { mergeDirections: false } },
  "without reuseBuffers": { optimizations: { reuseBuffers: false } },
  "JavaScript kernel (fallback)": { kernel: "js" },
};
for (const file of ABLATION_SPECS) {
  const ir = specIR(file);
  const { model } = await buildModel(ir, { seed: 1, backend: "cpu" });
  const weights = modelWeights(ir, model);
  model.dispose();
  for (const batch of BATCHES) {
    const inputs = inputsFor(ir, batch);
    const executors = Object.fromEntries(await Promise.all(Object.entries(VARIANTS).map(async ([name, options]) => [name, await createExecutor(ir, weights, options)])));
    // The JavaScript kernel takes seconds per call: it is timed on its own, with fewer runs.
    const { "JavaScript kernel (fallback)": js, ...fast } = executors;
    const times = await measure(Object.fromEntries(Object.entries(fast).map(([name, e]) => [name, () => e.predict(inputs)])), { warmup: 3, minRuns: quick ? 5 : 20, maxRuns: quick ? 10 : 60, budgetMs: quick ? 10_000 : 60_000 });
    Object.assign(times, await measure({ "JavaScript kernel (fallback)": () => js.predict(inputs) }, { warmup: 1, minRuns: 3, maxRuns: quick ? 3 : 9, budgetMs: 10_000 }));
    const base = median(times["all on (default)"]);
    for (const [name, executor] of Object.entries(executors)) {
      const time = median(times[name]);
      ablationRows.push({ file, batch, name, time, versus: time / base, memory: executor.memoryBytes });
      await executor.dispose();
    }
    console.error(`optimisations, ${file} batch ${batch}: done`);
  }
}

const machine = describeMachine(tfVersion);
const coresAtEnd = await coresObtained();
const lines = [
  "# Inference benchmark",
  "",
  `Made by \`node bench/inference/inference.mjs${quick ? " --quick" : ""}\` on ${started.toISOString().slice(0, 10)}.`,
  `Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; TensorFlow.js ${machine.tfjs}; numpy ${machine.numpy} on single-threaded OpenBLAS.`,
  "Times are medians of interleaved runs (warm, after warm-up runs), in ms per predict call, inputs in and outputs out.",
  "The executor runs on its own kernel whichever TensorFlow.js backend is active: its rows differ between backends only by noise.",
  `Cores two busy threads of this process got (of ${machine.cores}; other work shares the machine): ${coresAtStart.toFixed(2)} at the start, ${coresAtEnd.toFixed(2)} at the end. The executor's second thread helps only as far as a second core is free.`,
  ...(unavailable.length > 0 ? ["", `Backends not available here: ${unavailable.join("; ")}.`] : []),
  "",
  "## The seed attention model (specs/seed/attention.nnspec)",
  "",
  table(
    ["backend", "batch", "tfjs-layers by hand", "nnspec Layers", "executor", "executor / tfjs-layers", "numpy", "executor / numpy", "runs", "executor vs Layers", "vs numpy"],
    attentionRows.map((r) => [r.backend, r.batch, ms(r.hand), ms(r.layers), ms(r.executor), ratio(r.executor, r.hand), r.numpyError ? `failed: ${r.numpyError}` : ms(r.numpy), ratio(r.executor, r.numpy), `${r.handRuns}/${r.runs}`, scientific(r.difference), scientific(r.numpyDifference)]),
  ),
  "",
  "\"runs\": timed runs of the tfjs-layers models / of the executor. The last two columns: the largest output difference relative to the largest output magnitude.",
];
if (otherRows.length > 0) {
  lines.push(
    "",
    "## The other seed specs",
    "",
    table(["spec", "backend", "batch", "nnspec Layers", "executor", "executor / Layers", "executor vs Layers"],
      otherRows.map((r) => [r.file, r.backend, r.batch, ms(r.layers), ms(r.executor), ratio(r.executor, r.layers), scientific(r.difference)])),
  );
}
if (exampleRows.length > 0) {
  lines.push(
    "",
    `## The examples (specs/examples; symbolic dims ${STEPS} steps, padded token IDs where masks apply)`,
    "",
    table(["spec", "backend", "batch", "nnspec Layers", "executor", "executor / Layers", "executor vs Layers"],
      exampleRows.map((r) => [r.file, r.backend, r.batch, ms(r.layers), ms(r.executor), ratio(r.executor, r.layers), scientific(r.difference)])),
  );
}
lines.push(
  "",
  "## What each optimisation gives (executor)",
  "",
  "Each row turns one optimisation off (or changes one setting) and keeps the rest, timed interleaved with the default; \"× default\" is its median over the default's. The attention model has no identity layer, so removeDeadNodes can only show noise there.",
  "",
  table(["spec", "batch", "configuration", "median", "× default", "kernel memory"], ablationRows.map((r) => [r.file, r.batch, r.name, ms(r.time), r.versus.toFixed(2), `${(r.memory / 2 ** 20).toFixed(1)} MiB`])),
  "",
);
const report = lines.join("\n");
console.log(report);
writeFileSync(fileURLToPath(new URL("../results/inference.md", import.meta.url)), report);
