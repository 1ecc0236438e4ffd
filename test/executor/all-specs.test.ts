import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check } from "../../src/api/check.js";
import { readImportedFile } from "../../src/cli/import-reader.js";
import { unsupportedLayers } from "../../src/executor/index.js";
import { specFiles } from "../golden/spec-files.js";
import { padded } from "./padding.js";
import { expectSameAsLayers } from "./same-as-layers.js";

// Every good spec beyond the seed cells (those have their own test, at batch 32 too): the executor
// runs the whole model, and its outputs equal the Layers model's, masks included (the inputs of
// Embeddings with mask_zero=true are padded), at batch sizes 1 and 3 and a second time length.
const folders = ["examples", "blocks", "layers"];

describe("the executor runs every spec and computes what the Layers model computes", () => {
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  for (const folder of folders) {
    for (const [i, spec] of specFiles(folder).entries()) {
      const { ir } = check(spec.source, { file: spec.path, params: spec.params, readFile: readImportedFile });
      if (!ir) continue; // a block library without a model
      it(spec.path, async () => {
        expect(unsupportedLayers(ir)).toEqual([]);
        for (const length of [4, 7]) {
          const symbols = { S: length, T: length + 1, null: length };
          await expectSameAsLayers(ir, { batches: [1, 3], symbols, salt: 100 * folders.indexOf(folder) + i, prepare: padded(ir) });
        }
      }, 60_000);
    }
  }
});
