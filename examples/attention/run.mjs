#!/usr/bin/env node
// Trains the digit-reversal model of this example and draws its learned attention. Needs the
// built CLI (`npm run build`). Takes about two minutes.
//
//   node examples/attention/run.mjs [--out DIR]
//
// 1. generates the dataset (generate-data.mjs);
// 2. trains reverse.nnspec with `nnspec train` (wasm backend, seed 1) into DIR (default: a
//    temporary directory);
// 3. runs the trained model on one validation pair with `--probe weights --plot`, writing
//    results/heat.svg, and copies the run's curves.svg and history.json into results/.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const cli = join(root, "bin", "nnspec.js");
const outFlag = process.argv.indexOf("--out");
const out = outFlag === -1 ? mkdtempSync(join(tmpdir(), "nnspec-attention-")) : process.argv[outFlag + 1];

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const path = (...parts) => relative(root, join(here, ...parts));
run([path("generate-data.mjs")]);
run([cli, "train", path("reverse.nnspec"), "--data", path("data", "train.jsonl"), "-o", out, "--backend", "wasm", "--seed", "1"]);

mkdirSync(join(here, "results"), { recursive: true });
const inputs = ["--input", `source=${path("data", "source.json")}`, "--input", `previous=${path("data", "previous.json")}`];
const predicted = join(out, "example-output.json");
run([cli, "run", out, ...inputs, "--backend", "wasm", "--probe", "weights", "--plot", path("results", "heat.svg"), "--output", predicted]);
copyFileSync(join(out, "curves.svg"), join(here, "results", "curves.svg"));
copyFileSync(join(out, "history.json"), join(here, "results", "history.json"));

// Token IDs are digit + 1: print the pair as digits.
const digits = (ids) => ids.map((id) => id - 1).join(" ");
const source = JSON.parse(readFileSync(join(here, "data", "source.json"), "utf8"))[0];
const output = JSON.parse(readFileSync(predicted, "utf8")).digits[0];
const argmax = (row) => row.indexOf(Math.max(...row));
const history = JSON.parse(readFileSync(join(out, "history.json"), "utf8"));
const last = history.epochs.at(-1).logs;
console.log(`\nsource:    ${digits(source)}\npredicted: ${digits(output.map(argmax))}`);
console.log(`after ${history.epochs.length} epochs: accuracy ${last.accuracy.toFixed(4)}, val_accuracy ${last.val_accuracy.toFixed(4)}`);
console.log(`run in ${out}; heatmap, curves and history in ${relative(process.cwd(), join(here, "results"))}/`);
