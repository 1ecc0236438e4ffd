import { describe, expect, it } from "vitest";
import type { PreprocessConfig } from "../../src/ir/pipeline-types.js";
import { buildVocabulary } from "../../src/text/build-vocabulary.js";
import { decode, encode } from "../../src/text/encode.js";
import { paddedRows } from "../../src/text/pad-sequences.js";
import { TextError } from "../../src/text/text-error.js";
import { createVocabulary, type Vocabulary } from "../../src/text/vocabulary.js";
import { caught, preprocessConfig } from "./support/preprocess-config.js";

const corpus = ["The cat sat on the mat.", "The dog ate my homework!"];

async function vocabularyFor(config: PreprocessConfig, maxSize: number | null = null): Promise<Vocabulary> {
  return createVocabulary(await buildVocabulary(corpus, config, { maxSize, minFreq: 1 }));
}

describe("encode", () => {
  // The same as Keras: Tokenizer(num_words, oov_token="<unk>").fit_on_texts(corpus), then
  // pad_sequences(tokenizer.texts_to_sequences(texts), maxlen, padding=…, truncating=…).
  // word_index: <unk> 1, the 2, cat 3, sat 4, on 5, mat 6, dog 7, ate 8, my 9, homework 10.
  const keras: [string, Partial<PreprocessConfig>, number | null, number[][]][] = [
    ["pre/pre (the defaults)", {}, null, [[0, 0, 2, 3, 4], [2, 3, 8, 1, 1], [2, 4, 5, 2, 6]]],
    ["padding=post", { padding: "post" }, null, [[2, 3, 4, 0, 0], [2, 3, 8, 1, 1], [2, 4, 5, 2, 6]]],
    ["truncating=post", { truncating: "post" }, null, [[0, 0, 2, 3, 4], [2, 3, 8, 1, 1], [2, 2, 4, 5, 2]]],
    ["both post", { padding: "post", truncating: "post" }, null, [[2, 3, 4, 0, 0], [2, 3, 8, 1, 1], [2, 2, 4, 5, 2]]],
    ["num_words=5: IDs from 5 up become <unk>", {}, 5, [[0, 0, 2, 3, 4], [2, 3, 1, 1, 1], [2, 4, 1, 2, 1]]],
    ["sequence_length 3", { sequence_length: 3 }, null, [[2, 3, 4], [8, 1, 1], [5, 2, 6]]],
  ];
  const texts = ["The cat sat", "the CAT ate a fish", "The the sat on the mat"];

  it.each(keras)("matches Keras's Tokenizer and pad_sequences: %s", async (_, overrides, maxSize, expected) => {
    const config = preprocessConfig(overrides);
    const encoded = encode(texts, config, await vocabularyFor(config, maxSize));
    expect(paddedRows({ values: encoded.ids, shape: encoded.shape })).toEqual(expected);
    expect(encoded.shape).toEqual([3, config.sequence_length]);
  });

  it("returns each text's tokens before truncation and counts its unknown tokens", async () => {
    const config = preprocessConfig({ sequence_length: 2 });
    const encoded = encode(["A fish, a cat!", "the mat"], config, await vocabularyFor(config));
    expect(encoded.tokens).toEqual([["a", "fish", "a", "cat"], ["the", "mat"]]);
    expect(encoded.unknown).toEqual([3, 0]);
    expect(encoded.warnings).toEqual([]);
  });

  it("uses pad_id as the filler and unk_id for unknown tokens", async () => {
    const config = preprocessConfig({ pad_id: 3, unk_id: 0, sequence_length: 4 });
    const vocabulary = await vocabularyFor(config);
    expect(vocabulary.file.tokens.slice(0, 4)).toEqual(["<unk>", "the", "cat", "<pad>"]);
    expect(Array.from(encode(["cat zebra"], config, vocabulary).ids)).toEqual([3, 3, 2, 0]);
  });

  it("maps the pad token written in a text to unk_id, so padding stays unambiguous", async () => {
    const config = preprocessConfig({ strip: null, tokenize: "whitespace", sequence_length: 3 });
    expect(Array.from(encode(["<pad> the"], config, await vocabularyFor(config)).ids)).toEqual([0, 1, 2]);
  });

  it("encodes Japanese text with a vocabulary built from Japanese", async () => {
    const config = preprocessConfig({ language: "ja", sequence_length: 6 });
    const vocabulary = createVocabulary(await buildVocabulary(["私は学生です。", "彼は先生です。"], config, { maxSize: null, minFreq: 1 }));
    expect(vocabulary.file.tokens).toEqual(["<pad>", "<unk>", "は", "です", "私", "学生", "彼", "先生"]);
    const encoded = encode(["私は先生です"], config, vocabulary);
    expect(Array.from(encoded.ids)).toEqual([0, 0, 4, 2, 7, 3]);
  });

  it("warns about a text of only unknown tokens (NN6023) and one with no tokens (NN6022)", async () => {
    const config = preprocessConfig();
    const encoded = encode(["the cat", "zebra giraffe", "?!"], config, await vocabularyFor(config));
    expect(encoded.warnings).toEqual([
      { code: "NN6023", codeName: "AllTokensUnknown", index: 1, message: 'every token of text 2 is unknown to the vocabulary: "zebra giraffe"' },
      { code: "NN6022", codeName: "TextWithoutTokens", index: 2, message: 'text 3 has no tokens after preprocessing: "?!"' },
    ]);
    expect(Array.from(encoded.ids.subarray(10))).toEqual([0, 0, 0, 0, 0]);
  });

  it("shortens a long text in a warning", async () => {
    const config = preprocessConfig();
    const [warning] = encode(["zebra ".repeat(30)], config, await vocabularyFor(config)).warnings;
    expect(warning.message).toBe(`every token of text 1 is unknown to the vocabulary: "${"zebra ".repeat(10).slice(0, 57)}…"`);
  });

  it.each([
    ["", "empty"],
    [" \t\n", "only white space"],
  ])("rejects the text %j with NN6021", async (text, what) => {
    const config = preprocessConfig();
    const error = await caught(async () => encode(["the cat", text], config, await vocabularyFor(config)));
    expect(error).toBeInstanceOf(TextError);
    expect(error).toMatchObject({ code: "NN6021", message: `text 2 of 2 is ${what}`, location: { index: 1 } });
  });

  it("encodes no texts as shape [0, sequence_length]", async () => {
    const config = preprocessConfig();
    expect(encode([], config, await vocabularyFor(config)).shape).toEqual([0, 5]);
  });
});

describe("decode", () => {
  it("turns encode's result back into the tokens the model sees, without padding", async () => {
    const config = preprocessConfig({ sequence_length: 4 });
    const vocabulary = await vocabularyFor(config);
    const encoded = encode(["the cat", "my zebra ate the homework"], config, vocabulary);
    expect(decode(encoded, vocabulary)).toEqual([["the", "cat"], ["<unk>", "ate", "the", "homework"]]);
  });

  it("accepts plain rows", async () => {
    const vocabulary = await vocabularyFor(preprocessConfig());
    expect(decode([[0, 2, 3], Int32Array.of(10, 1)], vocabulary)).toEqual([["the", "cat"], ["homework", "<unk>"]]);
  });

  it("rejects an ID outside the vocabulary with NN6005", async () => {
    const vocabulary = await vocabularyFor(preprocessConfig());
    const error = await caught(() => decode([[2], [2, 11]], vocabulary));
    expect(error).toMatchObject({ code: "NN6005", message: "row 2: ID 11 is outside the vocabulary (0…10)", location: { index: 1 } });
  });
});
