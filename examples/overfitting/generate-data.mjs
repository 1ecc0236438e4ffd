#!/usr/bin/env node
// Writes the synthetic review dataset of this example: short "reviews" whose label (pos or
// neg) follows from a few cue words hidden among filler words, with 15% of the labels flipped.
// The flipped labels are noise no rule explains: a model that fits them has learnt the training
// set by heart, which is what over-fitting is. Deterministic: the same files on every run.
//
//   node examples/overfitting/generate-data.mjs
//
// Writes data/train.jsonl (1,500 reviews), data/val.jsonl (1,000 reviews) and data/corpus.txt
// (the training texts, one per line, for `nnspec vocab build`).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../seeded-random.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const POSITIVE = ["great", "excellent", "wonderful", "delightful", "superb", "charming", "brilliant", "lovely", "moving", "clever"];
const NEGATIVE = ["awful", "boring", "dull", "terrible", "weak", "clumsy", "tedious", "bland", "messy", "pointless"];
const LABEL_NOISE = 0.15;

const random = seededRandom(20240601);
const pick = (items) => items[Math.floor(random() * items.length)];

/** 200 made-up filler words ("bako", "temiru", …): they carry no label. */
function fillerWords() {
  const consonants = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"];
  const vowels = ["a", "e", "i", "o", "u"];
  const words = new Set();
  while (words.size < 200) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = "";
    for (let i = 0; i < syllables; i++) word += pick(consonants) + pick(vowels);
    if (!POSITIVE.includes(word) && !NEGATIVE.includes(word)) words.add(word);
  }
  return [...words];
}

const FILLER = fillerWords();

function review() {
  const positive = random() < 0.5;
  const words = [];
  const length = 8 + Math.floor(random() * 7);
  const cues = 1 + Math.floor(random() * 2);
  for (let i = 0; i < cues; i++) words.push(pick(positive ? POSITIVE : NEGATIVE));
  // With two cues, now and then one of the other side too: the label is the majority, not any one word.
  if (cues === 2 && random() < 0.5) words.push(pick(positive ? NEGATIVE : POSITIVE));
  while (words.length < length) words.push(pick(FILLER));
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  const noisy = random() < LABEL_NOISE ? !positive : positive;
  return { text: words.join(" "), label: noisy ? "pos" : "neg" };
}

const train = Array.from({ length: 1500 }, review);
const validation = Array.from({ length: 1000 }, review);
const data = join(here, "data");
mkdirSync(data, { recursive: true });
const jsonl = (rows) => rows.map((row) => JSON.stringify(row)).join("\n") + "\n";
writeFileSync(join(data, "train.jsonl"), jsonl(train));
writeFileSync(join(data, "val.jsonl"), jsonl(validation));
writeFileSync(join(data, "corpus.txt"), train.map((row) => row.text).join("\n") + "\n");
console.log(`wrote ${data}/train.jsonl (${train.length}), val.jsonl (${validation.length}), corpus.txt`);
