#!/usr/bin/env node
// Writes the digit-reversal dataset of this example: a source of 8 random digits and, as the
// target, the same digits in reverse order. The decoder sees the source only through attention,
// so a model that solves the task must attend to source step 7 - i at target step i.
// Deterministic: the same files on every run.
//
//   node examples/attention/generate-data.mjs
//
// Writes data/train.jsonl (6,000 pairs), data/val.jsonl (500 pairs), and data/source.json and
// data/previous.json: the first validation pair with 8 different digits, as the inputs of
// `nnspec run --input` (distinct digits, so each target step has one right source step).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../seeded-random.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const LENGTH = 8;
// Token IDs: 0 is unused (padding), digit d is d + 1, 11 starts the target.
const START = 11;

const random = seededRandom(20240602);

/** One pair: the source, the target shifted right behind the start token (teacher forcing), and the target. */
function pair() {
  const source = Array.from({ length: LENGTH }, () => 1 + Math.floor(random() * 10));
  const target = [...source].reverse();
  return { source, previous: [START, ...target.slice(0, -1)], digits: target };
}

const lines = (count) => `${Array.from({ length: count }, () => JSON.stringify(pair())).join("\n")}\n`;
mkdirSync(join(here, "data"), { recursive: true });
writeFileSync(join(here, "data", "train.jsonl"), lines(6000));
const validation = lines(500);
writeFileSync(join(here, "data", "val.jsonl"), validation);
const example = validation
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line))
  .find((p) => new Set(p.source).size === LENGTH);
writeFileSync(join(here, "data", "source.json"), `${JSON.stringify([example.source])}\n`);
writeFileSync(join(here, "data", "previous.json"), `${JSON.stringify([example.previous])}\n`);
