import { describe, it } from "vitest";
import { CORE_CASES, EMBEDDING_CASES, MERGE_CASES, RECURRENT_CASES } from "./layer-cases.js";
import { expectSameAsLayers, specIR } from "./same-as-layers.js";

// Each case against nnspec's Layers model (cpu backend), at batch sizes 1 and 5, on both kernels.
const groups = { recurrent: RECURRENT_CASES, embedding: EMBEDDING_CASES, core: CORE_CASES, merge: MERGE_CASES };

for (const [group, cases] of Object.entries(groups)) {
  describe(`${group} layers: the executor computes what the Layers model computes`, () => {
    for (const [i, c] of cases.entries()) {
      it(c.name, async () => {
        await expectSameAsLayers(specIR(c.source), { symbols: c.symbols ?? { T: 9 }, salt: 1000 * i + group.length });
      });
    }
  });
}
