#!/usr/bin/env node
// Benchmark of building the seed attention model (specs/seed/attention.nnspec) on TensorFlow.js,
// in one process, on the wasm backend and then the cpu backend:
//  1. by hand with tfjs-layers and its default initializers (bench/build/reference-attention.mjs);
//  2. through nnspec's buildModel (seeded initialisers computed in JS), first call and median of 5.
// tfjs's orthogonal initializer makes (1) take minutes on cpu: `--skip-slow` (or
// NNSPEC_BENCH_SKIP_SLOW=1) skips that one measurement.
// Run after `npm install` (which builds dist/): `node bench/build/build.mjs [--skip-slow]`.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildModel, initBackend } from "../../dist/backend/index.js";
import { check } from "../../dist/index.js";
import { referenceAttention } from "./reference-attention.mjs";

const SPEC = "specs/seed/attention.nnspec";
const skipSlow = process.argv.includes("--skip-slow") || process.env.NNSPEC_BENCH_SKIP_SLOW === "1";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (value) => `${Math.round(value).toLocaleString("en-US")} ms`;

/** Runs `build`, returns its time; tfjs's console notices are counted, not printed. */
function timeQuietly(build) {
  const warn = console.warn;
  const notices = new Set();
  console.warn = (...args) => notices.add(String(args[0]).split(":")[0]);
  try {
    const start = performance.now();
    const model = build();
    const elapsed = performance.now() - start;
    return { elapsed, model, notices: [...notices] };
  } finally {
    console.warn = warn;
  }
}

const source = readFileSync(fileURLToPath(new URL(`../../${SPEC}`, import.meta.url)), "utf8");
const { diagnostics, ir } = check(source, { file: SPEC });
if (!ir) throw new Error(`${SPEC} does not check: ${diagnostics.map((d) => d.message).join("; ")}`);
const params = ir.layers.reduce((sum, layer) => sum + layer.params, 0);
console.log(`Building ${SPEC} (${params.toLocaleString("en-US")} params) on TensorFlow.js, one process.\n`);

const rows = [];
for (const backend of ["wasm", "cpu"]) {
  const loadStart = performance.now();
  const { tf } = await initBackend(backend);
  const load = performance.now() - loadStart;

  const nnspecTimes = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const { model } = await buildModel(ir, { seed: run, backend });
    nnspecTimes.push(performance.now() - start);
    model.dispose();
  }

  let byHand = "skipped (--skip-slow)";
  let ratio = "-";
  if (!(backend === "cpu" && skipSlow)) {
    const { elapsed, model, notices } = timeQuietly(() => referenceAttention(tf));
    model.dispose();
    byHand = ms(elapsed) + (notices.length > 0 ? ` (tfjs warned: ${notices.join("; ")})` : "");
    ratio = `${(elapsed / median(nnspecTimes)).toFixed(0)}×`;
  }
  rows.push({ backend, load, nnspecTimes, byHand, ratio });
  console.log(`${backend}:`);
  console.log(`  backend load (once per process)        ${ms(load)}`);
  console.log(`  nnspec buildModel, first call          ${ms(nnspecTimes[0])}`);
  console.log(`  nnspec buildModel, median of 5         ${ms(median(nnspecTimes))}`);
  console.log(`  by hand, tfjs default initializers     ${byHand}`);
  console.log(`  by hand / nnspec (median)              ${ratio}\n`);
}

const slowest = Math.max(...rows.flatMap((row) => row.nnspecTimes));
console.log(`nnspec target: under 500 ms on both backends: ${slowest < 500 ? "met" : "NOT met"} (slowest build ${ms(slowest)})`);
if (skipSlow) console.log("The cpu build by hand was skipped (--skip-slow); it takes minutes.");
