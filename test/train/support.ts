import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { check } from "../../src/api/check.js";
import type { ModelIR } from "../../src/ir/types.js";

/** Lowers a spec written in a test; fails the test if it has errors. */
export function specIR(source: string, file = "test.nnspec"): ModelIR {
  const { diagnostics, ir } = check(source, { file });
  if (!ir) throw new Error(`spec does not check: ${diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return ir;
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "nnspec-train-"));
  made.push(dir);
  return dir;
}

/** Writes `lines` (joined with \n) to `name` in a fresh temporary directory; returns the path. */
export function dataFile(name: string, lines: readonly string[], dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

/** A tiny classifier: 4 token IDs below 10 → 3 classes. */
export const TINY_CLASSIFIER = `model Tiny {
  input tokens: int32[batch, 4]
  output label = tokens |> Embedding(10, 3) |> LSTM(4) |> Dense(3, activation="softmax")
}`;

/** A learnable task: the class is which third of the vocabulary most tokens come from. */
export function classificationLines(count: number, length: number, seed = 1): string[] {
  let state = seed;
  const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  const lines = ["tokens,label"];
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random() * 3);
    const tokens = Array.from({ length }, () => (random() < 0.7 ? 1 + label * 6 + Math.floor(random() * 6) : Math.floor(random() * 19) + 1));
    lines.push(`${tokens.join(" ")},${label}`);
  }
  return lines;
}
