import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { check } from "../../src/api/check.js";
import type { ModelIR } from "../../src/ir/types.js";

/** The directory of the seed specs; every `.nnspec` in it must draw. */
export const seedDirectory = fileURLToPath(new URL("../../specs/seed/", import.meta.url));

/** The seed spec file names, read from the directory so a new spec is covered without listing it. */
export const seedFiles: readonly string[] = readdirSync(seedDirectory)
  .filter((name) => name.endsWith(".nnspec"))
  .sort();

/** The IR of a spec's source; fails the test if the spec has errors. */
export function irOf(source: string, file = "model.nnspec"): ModelIR {
  const { diagnostics, ir } = check(source, { file });
  if (!ir) throw new Error(`${file} does not check: ${diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return ir;
}

/** The IR of a seed spec. */
export function seedIR(name: string): ModelIR {
  return irOf(readFileSync(`${seedDirectory}${name}`, "utf8"), `specs/seed/${name}`);
}
