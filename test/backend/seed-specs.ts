import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { check } from "../../src/api/check.js";
import type { ModelIR } from "../../src/ir/types.js";

/** The seed notebook's cells as nnspec files (specs/seed/), with what the seed says they give. */
export interface SeedCell {
  file: string;
  /** The output shape the notebook prints (batch first), and the parameter count. */
  output: number[];
  params: number;
}

export const SEED_CELLS: readonly SeedCell[] = [
  { file: "embedding.nnspec", output: [32, 20, 100], params: 100_000 },
  { file: "softmax.nnspec", output: [12, 20, 5], params: 0 },
  { file: "simple_rnn.nnspec", output: [32, 20, 200], params: 160_200 },
  { file: "lstm.nnspec", output: [32, 20, 200], params: 340_800 },
  { file: "bilstm.nnspec", output: [32, 20, 200], params: 581_600 },
  { file: "attention.nnspec", output: [32, 30, 200], params: 1_223_400 },
];

/** Lowers a seed spec to IR through nnspec's own check(); fails if it reports an error. */
export function seedIR(file: string): ModelIR {
  const path = fileURLToPath(new URL(`../../specs/seed/${file}`, import.meta.url));
  const { diagnostics, ir } = check(readFileSync(path, "utf8"), { file: `specs/seed/${file}` });
  if (!ir) throw new Error(`${file} does not check: ${diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return ir;
}
