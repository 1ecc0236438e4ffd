#!/usr/bin/env node
// Benchmark of the check path (no TensorFlow.js):
//  1. `nnspec check specs/seed/attention.nnspec` as a user runs it: process start to exit.
//  2. check() on generated specs of 100, 1,000 and 10,000 layers, and the ratio between sizes
//     (10× more layers should take about 10× longer: linear growth).
// Run after `npm install` (which builds dist/): `node bench/check.mjs`.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { check } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A chain of `layers` Dense layers, with a residual add every 10 to exercise merges. */
export function generatedSpec(layers) {
  const lines = ["model Generated {", "  width = 16", "  input x: float32[batch, width]", "  h0 = x"];
  for (let i = 1; i <= layers; i++) {
    const previous = `h${i - 1}`;
    lines.push(
      i % 10 === 0
        ? `  h${i} = ${previous} + h${i - 5}`
        : `  h${i} = ${previous} |> Dense(width, activation="relu")`,
    );
  }
  lines.push(`  output y = h${layers}`, "}");
  return lines.join("\n");
}

const cliRuns = [];
for (let i = 0; i < 7; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["bin/nnspec.js", "check", "specs/seed/attention.nnspec"], { cwd: root });
  cliRuns.push(performance.now() - start);
  if (result.status !== 0) throw new Error(`check failed: ${result.stdout}${result.stderr}`);
}
const cli = median(cliRuns);
console.log(`nnspec check specs/seed/attention.nnspec (whole process): median ${cli.toFixed(0)} ms over 7 runs; target 300 ms: ${cli < 300 ? "met" : "NOT met"} (ratio ${(cli / 300).toFixed(2)})`);

console.log("\ncheck() on generated specs (in process, median of 5 after a warm-up):");
console.log("  layers      ms   ratio to previous size");
let previous;
for (const size of [100, 1_000, 10_000]) {
  const source = generatedSpec(size);
  check(source);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const { diagnostics } = check(source);
    times.push(performance.now() - start);
    if (diagnostics.some((d) => d.severity === "error")) throw new Error(diagnostics[0].message);
  }
  const ms = median(times);
  const ratio = previous ? (ms / previous).toFixed(2) : "-";
  console.log(`  ${String(size).padStart(6)} ${ms.toFixed(1).padStart(7)}   ${ratio}`);
  previous = ms;
}
console.log("target: 10,000 layers in under 1,000 ms; ratios near 10 mean linear growth");
