import { describe, it } from "vitest";
import { SEED_CELLS, seedIR } from "../backend/seed-specs.js";
import { expectSameAsLayers } from "./same-as-layers.js";

// Every seed cell, against nnspec's Layers model on the wasm backend (the attention cell at
// batch 32 takes seconds per predict on cpu), at batch sizes 1, 3 and 32.
describe("the executor computes what the Layers model computes, for every seed spec", () => {
  for (const [i, cell] of SEED_CELLS.entries()) {
    it(cell.file, async () => {
      await expectSameAsLayers(seedIR(cell.file), { batches: [1, 3, 32], backend: "wasm", salt: i });
    });
  }
});
