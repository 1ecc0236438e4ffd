import { describe, expect, it } from "vitest";
import { paddedRows, padSequences, type PadOptions } from "../../src/text/pad-sequences.js";

const keras = [[1], [2, 3], [4, 5, 6]];

/**
 * Expected rows are what `tf.keras.utils.pad_sequences(sequences, **options)` returns; the first
 * four rows are the examples of Keras's own documentation.
 */
const cases: [string, number[][], PadOptions, number[][]][] = [
  ["defaults: pre-padding to the longest", keras, {}, [[0, 0, 1], [0, 2, 3], [4, 5, 6]]],
  ["value=-1", keras, { value: -1 }, [[-1, -1, 1], [-1, 2, 3], [4, 5, 6]]],
  ["padding=post", keras, { padding: "post" }, [[1, 0, 0], [2, 3, 0], [4, 5, 6]]],
  ["maxlen=2 truncates the start", keras, { maxlen: 2 }, [[0, 1], [2, 3], [5, 6]]],
  ["maxlen=2, truncating=post keeps the start", keras, { maxlen: 2, truncating: "post" }, [[0, 1], [2, 3], [4, 5]]],
  ["maxlen=2, both post", keras, { maxlen: 2, padding: "post", truncating: "post" }, [[1, 0], [2, 3], [4, 5]]],
  ["maxlen=2, padding=post, truncating=pre", keras, { maxlen: 2, padding: "post" }, [[1, 0], [2, 3], [5, 6]]],
  ["maxlen longer than every sequence", keras, { maxlen: 4 }, [[0, 0, 0, 1], [0, 0, 2, 3], [0, 4, 5, 6]]],
  ["maxlen longer, padding=post", keras, { maxlen: 4, padding: "post", value: 9 }, [[1, 9, 9, 9], [2, 3, 9, 9], [4, 5, 6, 9]]],
  ["an empty sequence is all filler", [[], [7, 8]], {}, [[0, 0], [7, 8]]],
  ["an empty sequence with maxlen", [[], [7]], { maxlen: 3, padding: "post", value: 5 }, [[5, 5, 5], [7, 5, 5]]],
  ["exactly maxlen long is unchanged", [[1, 2, 3]], { maxlen: 3, padding: "post", truncating: "post" }, [[1, 2, 3]]],
  ["maxlen=1 pre keeps the last", [[1, 2, 3]], { maxlen: 1 }, [[3]]],
  ["maxlen=1 post keeps the first", [[1, 2, 3]], { maxlen: 1, truncating: "post" }, [[1]]],
];

describe("padSequences (Keras pad_sequences)", () => {
  it.each(cases)("%s", (_, sequences, options, expected) => {
    const padded = padSequences(sequences, options);
    expect(paddedRows(padded)).toEqual(expected);
    expect(padded.shape).toEqual([expected.length, expected[0].length]);
    expect(padded.values).toBeInstanceOf(Int32Array);
  });

  it("gives empty rows for maxlen 0 and shape [0, 0] for no sequences", () => {
    expect(padSequences([[1, 2], []], { maxlen: 0 }).shape).toEqual([2, 0]);
    expect(padSequences([]).shape).toEqual([0, 0]);
  });

  it("rejects a negative or fractional maxlen", () => {
    expect(() => padSequences(keras, { maxlen: -1 })).toThrow(/maxlen must be a non-negative integer, got -1/);
    expect(() => padSequences(keras, { maxlen: 2.5 })).toThrow(/got 2.5/);
  });

  it("does not modify its input", () => {
    const sequences = [[1, 2, 3, 4]];
    padSequences(sequences, { maxlen: 2 });
    expect(sequences).toEqual([[1, 2, 3, 4]]);
  });
});
