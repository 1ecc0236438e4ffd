// From raw text to the seed attention model's output: the notebook's order of preprocessing
// (cleansing → tokens → IDs with <unk> → padding/truncating) feeding both sentences.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { run } from "../../src/api/run.js";
import { buildVocabulary, createVocabulary, encode } from "../../src/text/index.js";

const attention = readFileSync(new URL("../../specs/seed/attention.nnspec", import.meta.url), "utf8");

// The seed model with a preprocess block on each sentence input.
const spec = attention
  .replace("input sentence1: int32[batch, seq_length1]", 'input sentence1: int32[batch, seq_length1] preprocess { vocabulary = "v.json" }')
  .replace("input sentence2: int32[batch, seq_length2]", 'input sentence2: int32[batch, seq_length2] preprocess { vocabulary = "v.json" }');

describe("the seed attention model on raw text", () => {
  it("encodes both sentences (rare words become <unk>) and gives (batch, 30, 200)", async () => {
    const { ir, diagnostics } = check(spec);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const [first, second] = ir!.inputs.map((input) => input.preprocess!);
    const corpus = ["The cat sat on the mat.", "A dog sat on the log!", "The cat and the dog are friends."];
    const vocabulary = createVocabulary(await buildVocabulary(corpus, first, { maxSize: 1000, minFreq: 1 }));

    const one = encode(["The cat sat.", "A zebra sat on the mat"], first, vocabulary);
    const two = encode(["The dog and the cat are friends, truly.", "The log"], second, vocabulary);
    expect(one.shape).toEqual([2, 20]);
    expect(two.shape).toEqual([2, 30]);
    expect(one.tokens[1]).toContain("zebra");
    expect(one.ids).toContain(first.unk_id); // "zebra" is not in the vocabulary
    expect(Array.from(one.ids.slice(0, 17))).toEqual(Array(17).fill(first.pad_id)); // padded "pre", like Keras

    const result = await run(spec, {
      seed: 1,
      backend: "cpu",
      inputs: {
        sentence1: { dtype: "int32", data: one.ids, shape: one.shape },
        sentence2: { dtype: "int32", data: two.ids, shape: two.shape },
      },
    });
    expect(result.outputs.map((o) => [o.name, o.shape])).toEqual([["h", [2, 30, 200]]]);
  });
});
