// Every example spec runs, and compiles to a model.json that loads back with the same predictions.
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { compileToDirectory } from "../../src/api/compile.js";
import { run } from "../../src/api/run.js";
import { maxAbsDifference } from "../backend/arrays.js";
import { buildVocabulary, vocabularyPath } from "../../src/text/index.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const folder = fileURLToPath(new URL("../../specs/examples/", import.meta.url));
const examples = readdirSync(folder).filter((name) => name.endsWith(".nnspec"));

describe("specs/examples", () => {
  const temp = useTempDir();

  for (const name of examples) {
    it(`${name} runs and round-trips through model.json`, async () => {
      const source = readFileSync(folder + name, "utf8");
      const options = { seed: 3, batch: 2, backend: "cpu" as const, engine: "layers" as const, file: `specs/examples/${name}` };
      const direct = await run(source, options);
      for (const output of direct.outputs) expect(output.data.every(Number.isFinite)).toBe(true);

      const dir = temp(name.replace(".nnspec", ""));
      // Compiling copies each text input's vocabulary: build tiny ones beside a spec path in the temp dir.
      const specFile = join(temp(), name);
      for (const input of check(source, { file: specFile }).ir!.inputs) {
        if (input.preprocess === undefined) continue;
        const vocabulary = await buildVocabulary(["a good film", "a bad film"], input.preprocess, { maxSize: null, minFreq: 1 });
        await writeFile(vocabularyPath(specFile, input.preprocess), JSON.stringify(vocabulary));
      }
      await compileToDirectory(source, dir, { seed: 3, backend: "cpu", file: specFile });
      const loaded = await run({ directory: dir }, { seed: 3, batch: 2, backend: "cpu", engine: "layers" });
      expect(loaded.outputs.map((o) => o.shape)).toEqual(direct.outputs.map((o) => o.shape));
      loaded.outputs.forEach((output, i) => expect(maxAbsDifference(output.data, direct.outputs[i]!.data)).toBeLessThan(1e-6));
    }, 120_000);
  }
});
