import { describe, expect, it } from "vitest";
import { buildVocabulary, type VocabularyLimits, type VocabularyProgress } from "../../src/text/build-vocabulary.js";
import { TextError } from "../../src/text/text-error.js";
import { caught, preprocessConfig } from "./support/preprocess-config.js";

const unlimited: VocabularyLimits = { maxSize: null, minFreq: 1 };

async function tokensOf(lines: string[], limits: Partial<VocabularyLimits> = {}, overrides = {}): Promise<string[]> {
  return (await buildVocabulary(lines, preprocessConfig(overrides), { ...unlimited, ...limits })).tokens;
}

describe("buildVocabulary", () => {
  it("orders like Keras's Tokenizer(oov_token='<unk>'): index 0 reserved, <unk> 1, then by count", async () => {
    // Keras: word_index == {'<unk>': 1, 'the': 2, 'cat': 3, 'sat': 4, 'on': 5, 'mat': 6, 'dog': 7, 'ate': 8, 'my': 9, 'homework': 10}
    const vocabulary = await buildVocabulary(["The cat sat on the mat.", "The dog ate my homework!"], preprocessConfig(), unlimited);
    expect(vocabulary.tokens).toEqual(["<pad>", "<unk>", "the", "cat", "sat", "on", "mat", "dog", "ate", "my", "homework"]);
    expect(vocabulary.counts).toEqual([0, 0, 3, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it("breaks ties by first occurrence in the corpus, not alphabetically", async () => {
    expect(await tokensOf(["zeta alpha", "mu alpha zeta", "beta"])).toEqual(["<pad>", "<unk>", "zeta", "alpha", "mu", "beta"]);
    expect(await tokensOf(["b a", "a b"])).toEqual(["<pad>", "<unk>", "b", "a"]);
  });

  it("is the same for the same corpus, whether given as an iterable or an async iterable", async () => {
    async function* lines() {
      yield "x y y";
      yield "z x";
    }
    const fromAsync = await buildVocabulary(lines(), preprocessConfig(), unlimited);
    const fromArray = await buildVocabulary(["x y y", "z x"], preprocessConfig(), unlimited);
    expect(fromAsync).toEqual(fromArray);
  });

  const cutoffs: [string, Partial<VocabularyLimits>, string[]][] = [
    ["min_freq 2 drops the singletons", { minFreq: 2 }, ["<pad>", "<unk>", "a", "b", "c"]],
    ["min_freq 3", { minFreq: 3 }, ["<pad>", "<unk>", "a", "b"]],
    ["max_size counts the reserved IDs (Keras num_words)", { maxSize: 4 }, ["<pad>", "<unk>", "a", "b"]],
    ["max_size 3 keeps one token", { maxSize: 3 }, ["<pad>", "<unk>", "a"]],
    ["max_size larger than the corpus changes nothing", { maxSize: 100, minFreq: 2 }, ["<pad>", "<unk>", "a", "b", "c"]],
    ["both: min_freq first, then max_size", { maxSize: 3, minFreq: 3 }, ["<pad>", "<unk>", "a"]],
  ];
  it.each(cutoffs)("%s", async (_, limits, expected) => {
    // a ×4, b ×3, c ×2, d ×1, e ×1
    expect(await tokensOf(["a b c d", "a b c e", "a b", "a"], limits)).toEqual(expected);
  });

  it("puts the reserved tokens at pad_id and unk_id and fills the other IDs in order", async () => {
    const tokens = await tokensOf(["a a a b b c"], {}, { pad_id: 0, unk_id: 3, pad_token: "[PAD]", unk_token: "[UNK]" });
    expect(tokens).toEqual(["[PAD]", "a", "b", "[UNK]", "c"]);
  });

  it("lets corpus occurrences of the reserved tokens count for nothing", async () => {
    const vocabulary = await buildVocabulary(["<unk> <unk> <pad> x"], preprocessConfig({ strip: null, tokenize: "whitespace" }), unlimited);
    expect(vocabulary.tokens).toEqual(["<pad>", "<unk>", "x"]);
    expect(vocabulary.counts).toEqual([0, 0, 1]);
  });

  it("records the text settings it was built with", async () => {
    const config = preprocessConfig({ language: "ja", tokenize: { regex: "\\S" }, strip: null, normalize: "nfc", lowercase: false });
    const { settings, format, version } = await buildVocabulary(["あい"], config, unlimited);
    expect({ format, version }).toEqual({ format: "nnspec-vocabulary", version: 1 });
    expect(settings).toEqual({ normalize: "nfc", lowercase: false, strip: null, tokenize: { regex: "\\S" }, language: "ja", pad_token: "<pad>", unk_token: "<unk>" });
  });

  it("reports progress every 1000 lines and once at the end", async () => {
    const reports: VocabularyProgress[] = [];
    const lines = Array.from({ length: 2500 }, (_, i) => `w${i % 10} common`);
    await buildVocabulary(lines, preprocessConfig(), unlimited, (p) => reports.push(p));
    expect(reports.map((r) => r.lines)).toEqual([1000, 2000, 2500]);
    expect(reports.at(-1)).toEqual({ lines: 2500, tokens: 5000, distinct: 11, kept: 11, done: true });
    expect(reports.slice(0, -1).every((r) => !r.done)).toBe(true);
  });

  const failures: [string, string[], Partial<VocabularyLimits>, object, string, RegExp][] = [
    ["an empty corpus", [], {}, {}, "NN6025", /^the corpus has no tokens \(0 lines read\)$/],
    ["a corpus of blank lines and punctuation", ["", "  ", "!!!"], {}, {}, "NN6025", /^the corpus has no tokens \(3 lines read\)$/],
    ["no token reaching min_freq", ["a b a"], { minFreq: 3 }, {}, "NN6025", /^no token occurs at least min_freq=3 times \(the most frequent, 'a', occurs 2 times\)$/],
    ["max_size below 3", ["a"], { maxSize: 2 }, {}, "NN6020", /^max_size must be an integer of at least 3/],
    ["max_size without room for the reserved IDs", ["a"], { maxSize: 5 }, { unk_id: 7 }, "NN6020", /^max_size 5 leaves no room for pad_id 0 and unk_id 7$/],
    ["an unk_id beyond the corpus's tokens", ["a"], {}, { unk_id: 5 }, "NN6020", /^unk_id 5 is outside the vocabulary, which has 3 IDs$/],
    ["min_freq 0", ["a"], { minFreq: 0 }, {}, "NN6020", /^min_freq must be a positive integer, got 0$/],
    ["equal pad_id and unk_id", ["a"], {}, { unk_id: 0 }, "NN6020", /^pad_id and unk_id must differ, both are 0$/],
    ["equal reserved tokens", ["a"], {}, { unk_token: "<pad>" }, "NN6020", /^pad_token and unk_token must differ/],
    ["an empty reserved token", ["a"], {}, { pad_token: "" }, "NN6020", /^pad_token must not be empty$/],
  ];
  it.each(failures)("rejects %s", async (_, lines, limits, overrides, code, message) => {
    const error = await caught(() => buildVocabulary(lines, preprocessConfig(overrides), { ...unlimited, ...limits }));
    expect(error).toBeInstanceOf(TextError);
    expect((error as TextError).code).toBe(code);
    expect((error as TextError).message).toMatch(message);
  });
});
