import { describe, expect, it } from "vitest";
import { unsupportedLayers } from "../../src/executor/index.js";
import { padded } from "./padding.js";
import { expectSameAsLayers, specIR } from "./same-as-layers.js";

// Masks through merges: a step is kept where every masked input keeps it, as in Keras (nnspec's
// Layers model mends tfjs-layers' Merge.computeMask, which gives a mask of the wrong shape). The
// LSTM after each merge skips exactly the steps the combined mask drops.
describe("masks through merges and Concatenate", () => {
  const cases: [string, string][] = [
    ["two masked inputs added", `a = ids1 |> Embedding(12, 4, mask_zero=true)\n  b = ids2 |> Embedding(12, 4, mask_zero=true)\n  output y = add(a, b) |> LSTM(5)`],
    ["a masked and an unmasked input multiplied", `a = ids1 |> Embedding(12, 4, mask_zero=true)\n  b = ids2 |> Embedding(12, 4)\n  output y = multiply(a, b) |> LSTM(5, return_sequences=true)`],
    ["three inputs averaged, maximum, minimum", `a = ids1 |> Embedding(12, 4, mask_zero=true)\n  b = ids2 |> Embedding(12, 4, mask_zero=true)\n  m = average(a, b, maximum(a, b), minimum(a, b))\n  output y = m |> LSTM(3)`],
    ["concatenated along features", `a = ids1 |> Embedding(12, 4, mask_zero=true)\n  b = ids2 |> Embedding(12, 3, mask_zero=true)\n  output y = concatenate(a, b) |> LSTM(5)`],
  ];
  for (const [i, [name, body]] of cases.entries()) {
    it(name, async () => {
      const ir = specIR(`model M {\n  input ids1: int32[batch, 6]\n  input ids2: int32[batch, 6]\n  ${body}\n}`);
      expect(unsupportedLayers(ir)).toEqual([]);
      await expectSameAsLayers(ir, { batches: [1, 4], salt: 9100 + i, prepare: padded(ir) });
    });
  }
});
