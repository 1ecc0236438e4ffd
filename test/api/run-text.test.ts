import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { main } from "../../src/cli/main.js";
import { buildVocabulary } from "../../src/text/build-vocabulary.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";

async function nnspec(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** Like specs/examples/sentiment.nnspec, small. */
function sentimentSpec(preprocess = `tokenize = "words"; vocabulary = "reviews.vocab.json"`): string {
  return `model Sentiment {
  input review: int32[batch, 8] preprocess { ${preprocess}; padding = "pre"; truncating = "post" }
  output sentiment = review |> Embedding(50, 4) |> Bidirectional(LSTM(3)) |> Dense(2, activation="softmax")
}
`;
}

const corpus = ["a great movie", "a terrible movie", "great acting, great story", "terrible story"];

describe("nnspec run --text", () => {
  const temp = useTempDir();

  /** Writes the spec and builds its vocabulary from the corpus with the API, as `nnspec vocab build --spec` would. */
  async function writeModel(source = sentimentSpec(), lines: readonly string[] = corpus): Promise<string> {
    const spec = temp("sentiment.nnspec");
    await writeFile(spec, source);
    const config = check(source, { file: spec }).ir!.inputs[0]!.preprocess!;
    const vocabulary = await buildVocabulary(lines, config, { maxSize: null, minFreq: 1 });
    await writeFile(join(temp(), config.vocabulary.file), JSON.stringify(vocabulary));
    return spec;
  }

  /** The outputs' statistics: equal numbers mean the same model on the same IDs. */
  const statistics = (stdout: string) => JSON.parse(stdout).outputs;

  it("runs raw texts through the vocabulary: one row per text", async () => {
    const spec = await writeModel();
    const result = await nnspec("run", spec, "--text", "A great movie!", "--text", "terrible acting", "--seed", "1", "--format", "json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(statistics(result.stdout)).toEqual([expect.objectContaining({ name: "sentiment", shape: [2, 2], dtype: "float32" })]);
  });

  it("--show-tokens shows each token's ID and marks unknown ones", async () => {
    const spec = await writeModel();
    const result = await nnspec("run", spec, "--text", "great zebra", "--show-tokens", "--seed", "1");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^text 1: 2 tokens, padded to 8 \(pre\)\n {2}great {2}2\n {2}zebra {2}1 {2}<unk>\noutput/);
    const json = await nnspec("run", spec, "--text", "great zebra", "--show-tokens", "--seed", "1", "--format", "json");
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(["backend", "outputs", "ms"]);
    expect(json.stderr).toContain("zebra  1  <unk>");
  });

  it("reads one text per line from --text-file", async () => {
    const spec = await writeModel();
    await writeFile(temp("texts.txt"), "a great movie\r\nterrible\nstory story\n");
    const result = await nnspec("run", spec, "--text-file", temp("texts.txt"), "--seed", "2", "--format", "json");
    expect(result.code).toBe(0);
    expect(statistics(result.stdout)[0].shape).toEqual([3, 2]);
  });

  it("compiles the vocabulary into the directory, which then runs texts on its own with the same numbers", async () => {
    const spec = await writeModel();
    const texts = ["--text", "a great story", "--text", "terrible movie zebra"];
    const fromSpec = await nnspec("run", spec, ...texts, "--seed", "4", "--backend", "cpu", "--format", "json");
    expect((await nnspec("compile", spec, "-o", temp("model"), "--seed", "4", "--backend", "cpu")).code).toBe(0);
    expect((await readdir(temp("model"))).sort()).toEqual(["group1-shard1of1.bin", "model.json", "nnspec.json", "review.vocab.json"]);
    expect(JSON.parse(await readFile(temp("model/nnspec.json"), "utf8")).vocabularies).toEqual({ review: "review.vocab.json" });
    await rm(temp("reviews.vocab.json"));
    const fromDirectory = await nnspec("run", temp("model"), ...texts, "--backend", "cpu", "--format", "json");
    expect(fromDirectory.code).toBe(0);
    const [a, b] = [statistics(fromSpec.stdout)[0], statistics(fromDirectory.stdout)[0]];
    expect(b.shape).toEqual([2, 2]);
    for (const key of ["min", "max", "mean"]) expect(b[key]).toBeCloseTo(a[key], 6);
  });

  it("runs Japanese text segmented into words", async () => {
    const source = sentimentSpec(`tokenize = "words"; language = "ja"; vocabulary = "ja.vocab.json"`);
    const spec = await writeModel(source, ["私は学生です。", "彼は先生です。"]);
    const result = await nnspec("run", spec, "--text", "私は先生です", "--text", "猫です", "--show-tokens", "--seed", "1");
    expect(result.code).toBe(0);
    // Counts first (は and です twice), then first appearance: は 2, です 3, 私 4, 学生 5, 彼 6, 先生 7.
    expect(result.stdout).toContain("text 1: 4 tokens, padded to 8 (pre)\n  私    4\n  は    2\n  先生  7\n  です  3\n");
    expect(result.stdout).toMatch(/ {2}猫 {4}1 {2}<unk>\n/);
    expect(result.stdout).toMatch(/^sentiment\s+\(2, 2\)\s+float32/m);
  });

  it("warns about a text of only unknown tokens, and still runs", async () => {
    const spec = await writeModel();
    const result = await nnspec("run", spec, "--text", "zebra giraffe", "--seed", "1");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning NN6023: every token of text 1 is unknown to the vocabulary: "zebra giraffe"');
  });

  it("refuses an empty text, a model without a text input and a missing --text-file", async () => {
    const spec = await writeModel();
    const empty = await nnspec("run", spec, "--text", "great", "--text", " ");
    expect(empty).toMatchObject({ code: 1, stdout: "" });
    expect(empty.stderr).toContain("error NN6021: text 2 of 2 is only white space");

    const plain = await nnspec("run", "specs/seed/embedding.nnspec", "--text", "hello");
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain("error NN6029: texts need a model with exactly one input that takes text: no input of the model has a preprocess");

    const missing = await nnspec("run", spec, "--text-file", temp("nope.txt"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error NN6002: cannot read the texts '${temp("nope.txt")}': no such file or directory`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a missing, malformed or mismatched vocabulary with its code", async () => {
    const spec = await writeModel();
    await writeFile(temp("other.nnspec"), sentimentSpec(`tokenize = "whitespace"; vocabulary = "reviews.vocab.json"`));
    const mismatched = await nnspec("run", temp("other.nnspec"), "--text", "great");
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toContain('error NN6028: \'' + temp("reviews.vocab.json") + '\' was built with other text settings than the spec\'s: tokenize is "words" in the vocabulary but "whitespace" in the spec');

    await writeFile(temp("reviews.vocab.json"), "{ not json");
    const malformed = await nnspec("run", spec, "--text", "great");
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("error NN6027:");

    await rm(temp("reviews.vocab.json"));
    const missing = await nnspec("run", spec, "--text", "great");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`error NN6026: cannot read vocabulary '${temp("reviews.vocab.json")}': no such file`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it("compile refuses a missing vocabulary, naming it and how to build it", async () => {
    const spec = temp("sentiment.nnspec");
    await writeFile(spec, sentimentSpec());
    const result = await nnspec("compile", spec, "-o", temp("model"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error NN6026: cannot read the vocabulary '${temp("reviews.vocab.json")}' of input 'review'`);
    expect(result.stderr).toContain("nnspec vocab build");
    await expect(readdir(temp("model"))).rejects.toThrow();
  });

  it("labels a heatmap's axes along the text with the first text's tokens, padding blank", async () => {
    const spec = await writeModel(`model SelfAttention {
  input review: int32[batch, 5] preprocess { tokenize = "words"; vocabulary = "reviews.vocab.json"; padding = "post"; truncating = "post" }
  h = review |> Embedding(50, 4)
  weights = softmax(dot(h, h, axes=2), axis=-1)
  output y = dot(weights, h, axes=[2, 1])
}
`);
    const plot = temp("heat.svg");
    const result = await nnspec("run", spec, "--text", "great zebra movie", "--text", "a story", "--probe", "weights", "--plot", plot, "--seed", "1", "--backend", "cpu");
    expect(result.stderr).toContain("wrote");
    expect(result.code).toBe(0);
    const labels = [...(await readFile(plot, "utf8")).matchAll(/font-size="10"[^>]*>([^<]*)</g)].map((m) => m[1]);
    // Columns, then rows: great, zebra (unknown), movie, then two padding steps.
    expect(labels.slice(0, 10)).toEqual(["great", "&lt;unk&gt;", "movie", "", "", "great", "&lt;unk&gt;", "movie", "", ""]);
  });
});
