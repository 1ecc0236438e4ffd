import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VocabularyFile } from "../../src/ir/pipeline-types.js";
import { buildVocabulary } from "../../src/text/build-vocabulary.js";
import { parseVocabulary, readVocabulary } from "../../src/text/read-vocabulary.js";
import { TextError } from "../../src/text/text-error.js";
import { caught, preprocessConfig } from "./support/preprocess-config.js";

const config = preprocessConfig();

const valid: VocabularyFile = {
  format: "nnspec-vocabulary",
  version: 1,
  settings: { normalize: "nfkc", lowercase: true, strip: "punctuation", tokenize: "words", language: "und", pad_token: "<pad>", unk_token: "<unk>" },
  tokens: ["<pad>", "<unk>", "the", "cat"],
  counts: [0, 0, 2, 1],
};

/** The valid file with `change` applied to a deep copy. */
function variant(change: (file: Record<string, unknown> & { settings: Record<string, unknown> }) => void): string {
  const copy = structuredClone(valid) as unknown as Record<string, unknown> & { settings: Record<string, unknown> };
  change(copy);
  return JSON.stringify(copy);
}

async function problem(text: string, settings = config): Promise<TextError> {
  const error = await caught(() => parseVocabulary(text, settings, "vocab.json"));
  expect(error).toBeInstanceOf(TextError);
  return error as TextError;
}

describe("parseVocabulary", () => {
  it("returns a lookup for a valid file", () => {
    const vocabulary = parseVocabulary(JSON.stringify(valid), config);
    expect(vocabulary).toMatchObject({ size: 4, padId: 0, unkId: 1 });
    expect(vocabulary.idOf("cat")).toBe(3);
    expect(vocabulary.idOf("dog")).toBe(1);
    expect(vocabulary.idOf("<pad>")).toBe(1);
    expect(vocabulary.has("the")).toBe(true);
    expect(vocabulary.has("<unk>")).toBe(false);
    expect([0, 3, 4, -1, 1.5].map((id) => vocabulary.tokenOf(id))).toEqual(["<pad>", "cat", undefined, undefined, undefined]);
  });

  it("reads back exactly what buildVocabulary wrote", async () => {
    const built = await buildVocabulary(["私は学生です", "私は猫です"], preprocessConfig({ language: "ja" }), { maxSize: null, minFreq: 1 });
    const read = parseVocabulary(JSON.stringify(built), preprocessConfig({ language: "ja" }));
    expect(read.file).toEqual(built);
    expect(read.idOf("私")).toBe(2);
  });

  const invalid: [string, string, RegExp][] = [
    ["text that is not JSON", "{ tokens: [", /^'vocab\.json' is not a valid vocabulary: not JSON \(/],
    ["a JSON array", "[]", /: expected a JSON object$/],
    ["another format", variant((f) => (f.format = "keras-tokenizer")), /: "format" is "keras-tokenizer", expected "nnspec-vocabulary"$/],
    ["a missing format", variant((f) => delete f.format), /: "format" is missing, expected "nnspec-vocabulary"$/],
    ["a later version", variant((f) => (f.version = 2)), /: "version" 2: this nnspec reads version 1$/],
    ["duplicate tokens", variant((f) => (f.tokens = ["<pad>", "<unk>", "cat", "cat"])), /: tokens 2 and 3 are both "cat"$/],
    ["a token that is not a string", variant((f) => (f.tokens = ["<pad>", "<unk>", 3, "cat"])), /: \/tokens\/2 must be string$/],
    ["an empty token", variant((f) => (f.tokens = ["<pad>", "<unk>", "", "cat"])), /: \/tokens\/2 must NOT have fewer than 1 characters$/],
    ["a negative count", variant((f) => (f.counts = [0, 0, -1, 1])), /: \/counts\/2 must be >= 0$/],
    ["counts not parallel to tokens", variant((f) => (f.counts = [0, 0, 2])), /: "counts" has 3 entries but "tokens" has 4; they must be parallel$/],
    ["no unk_token among the tokens", variant((f) => (f.tokens = ["<pad>", "x", "the", "cat"])), /: its unk_token "<unk>" is not among its tokens$/],
    ["a strip of no known form", variant((f) => (f.settings.strip = "all")), /: \/settings\/strip must be "punctuation", null or \{"regex": "…"\}$/],
    ["a tokenize of no known form", variant((f) => (f.settings.tokenize = { pattern: "x" })), /: \/settings\/tokenize must be "whitespace", "words", "characters" or \{"regex": "…"\}$/],
    ["an unknown normal form", variant((f) => (f.settings.normalize = "NFKC")), /: \/settings\/normalize must be one of "nfkc", "nfc", "nfkd", "nfd", null$/],
    ["a missing setting", variant((f) => delete f.settings.language), /: \/settings must have required property 'language'$/],
    ["an unknown field", variant((f) => (f.word_index = {})), /: \/ has an unknown field "word_index"$/],
    ["missing tokens", variant((f) => delete f.tokens), /: \/ must have required property 'tokens'$/],
  ];
  it.each(invalid)("rejects %s with NN6027", async (_, text, message) => {
    const error = await problem(text);
    expect(error.code).toBe("NN6027");
    expect(error.location.file).toBe("vocab.json");
    expect(error.message).toMatch(message);
  });

  it("lists several problems in one message, the rest counted", async () => {
    const error = await problem(variant((f) => (f.tokens = Array.from({ length: 8 }, () => 1))));
    expect(error.message).toMatch(/\/tokens\/0 must be string; \/tokens\/1 must be string; .*; and \d+ more$/);
  });

  it("names every setting that differs from the spec's (NN6028)", async () => {
    const spec = preprocessConfig({ tokenize: "whitespace", lowercase: false, strip: { regex: "\\d" }, language: "ja" });
    const error = await problem(JSON.stringify(valid), spec);
    expect(error.code).toBe("NN6028");
    expect(error.message).toBe(
      "'vocab.json' was built with other text settings than the spec's: " +
        "lowercase is true in the vocabulary but false in the spec; " +
        'strip is "punctuation" in the vocabulary but {"regex":"\\\\d"} in the spec; ' +
        'tokenize is "words" in the vocabulary but "whitespace" in the spec; ' +
        'language is "und" in the vocabulary but "ja" in the spec; ' +
        "rebuild it with 'nnspec vocab build --spec'",
    );
  });

  it("reports reserved tokens at other IDs than the spec's pad_id and unk_id", async () => {
    const error = await problem(JSON.stringify(valid), preprocessConfig({ pad_id: 1, unk_id: 0 }));
    expect(error.code).toBe("NN6028");
    expect(error.message).toContain('pad_id is 1 in the spec but "<pad>" has ID 0 in the vocabulary; unk_id is 0 in the spec but "<unk>" has ID 1 in the vocabulary');
  });

  it("reports differing reserved token names", async () => {
    const error = await problem(JSON.stringify(valid), preprocessConfig({ unk_token: "[UNK]" }));
    expect(error.message).toContain('unk_token is "<unk>" in the vocabulary but "[UNK]" in the spec');
  });
});

describe("readVocabulary", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nnspec-vocab-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a file", async () => {
    await writeFile(join(dir, "vocab.json"), JSON.stringify(valid));
    expect((await readVocabulary(join(dir, "vocab.json"), config)).size).toBe(4);
  });

  it("reports a missing file with NN6026 and how to make one", async () => {
    const path = join(dir, "missing.json");
    const error = await caught(() => readVocabulary(path, config));
    expect(error).toMatchObject({ code: "NN6026", location: { file: path } });
    expect((error as Error).message).toBe(`cannot read vocabulary '${path}': no such file (build one with 'nnspec vocab build')`);
  });

  it("reports a directory with NN6026", async () => {
    expect(await caught(() => readVocabulary(dir, config))).toMatchObject({ code: "NN6026", message: `cannot read vocabulary '${dir}': it is a directory` });
  });

  it("names the file in validation errors", async () => {
    await writeFile(join(dir, "bad.json"), "{}");
    expect(await caught(() => readVocabulary(join(dir, "bad.json"), config))).toMatchObject({ code: "NN6027", location: { file: join(dir, "bad.json") } });
  });
});
