#!/usr/bin/env node
// Trains the two models of this example on the same data with the same seed, one after the
// other, and compares them. Needs the built CLI (`npm run build`). Takes a few minutes.
//
//   node examples/overfitting/run.mjs [--out DIR]
//
// 1. generates the dataset (generate-data.mjs) and its vocabulary (nnspec vocab build);
// 2. trains plain.nnspec and regularized.nnspec with `nnspec train` (wasm backend, seed 1),
//    into DIR/plain and DIR/regularized (default: a temporary directory);
// 3. copies each run's curves.svg and history.json into results/ and prints a comparison.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const cli = join(root, "bin", "nnspec.js");
const outFlag = process.argv.indexOf("--out");
const out = outFlag === -1 ? mkdtempSync(join(tmpdir(), "nnspec-overfitting-")) : process.argv[outFlag + 1];
const models = ["plain", "regularized"];

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const path = (...parts) => relative(root, join(here, ...parts));
run([path("generate-data.mjs")]);
run([cli, "vocab", "build", "--spec", path("plain.nnspec"), path("data", "corpus.txt")]);
for (const model of models) {
  console.log(`\n== ${model}.nnspec`);
  run([cli, "train", path(`${model}.nnspec`), "--data", path("data", "train.jsonl"), "-o", join(out, model), "--backend", "wasm", "--seed", "1"]);
}

mkdirSync(join(here, "results"), { recursive: true });
const rows = [];
for (const model of models) {
  copyFileSync(join(out, model, "curves.svg"), join(here, "results", `${model}-curves.svg`));
  copyFileSync(join(out, model, "history.json"), join(here, "results", `${model}-history.json`));
  const history = JSON.parse(readFileSync(join(out, model, "history.json"), "utf8"));
  const best = history.epochs.find((record) => record.epoch === history.best_epoch);
  const last = history.epochs.at(-1);
  rows.push([model, best.epoch, best.logs.val_loss, best.logs.val_accuracy, last.logs.accuracy, last.logs.val_loss, last.logs.val_accuracy]);
}
const format = (value) => (typeof value === "number" && !Number.isInteger(value) ? value.toFixed(3) : String(value));
console.log("\nmodel         best epoch  best val_loss  best val_acc   last acc  last val_loss  last val_acc");
for (const row of rows) console.log(row.map((value, i) => format(value).padEnd(i === 0 ? 14 : 13)).join(""));
console.log(`\nruns in ${out}; curves and histories in ${relative(process.cwd(), join(here, "results"))}/`);
