import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { createVocabCommand } from "../../src/cli/commands/vocab.js";
import { main } from "../../src/cli/main.js";
import type { PreprocessConfig, VocabularyFile } from "../../src/ir/pipeline-types.js";
import { encode } from "../../src/text/encode.js";
import { readVocabulary } from "../../src/text/read-vocabulary.js";
import { vocabularyPath } from "../../src/text/vocabulary-path.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";
import { preprocessConfig } from "./support/preprocess-config.js";

const corpus = "私は学生です。\n彼は学生です。\nThe cat sat. The dog ran!\n\n";

const japaneseSpec = `model M {
  input text: int32[batch, 6] preprocess {
    normalize = "nfkc"; lowercase = true; strip = "punctuation"
    tokenize = "words"; language = "ja"
    vocabulary = "data/vocab.json"; max_size = 10000; min_freq = 2
    padding = "pre"; truncating = "pre"
  }
  output y = text |> Embedding(10000, 8) |> LSTM(4)
}
`;

const twoInputSpec = `model Pair {
  input a: int32[batch, 4] preprocess { tokenize = "whitespace"; vocabulary = "a.json" }
  input b: int32[batch, 4] preprocess { tokenize = "characters"; language = "ja"; vocabulary = "b.json" }
  output y = concatenate(a |> Embedding(100, 8) |> LSTM(4), b |> Embedding(100, 8) |> LSTM(4))
}
`;

describe("nnspec vocab build", () => {
  const temp = useTempDir();
  const command = createVocabCommand({ check });

  async function run(argv: string[], options: { isTTY?: boolean } = {}) {
    const captured = captureIO(options);
    const code = await command.run(argv, captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  async function file(name: string, text: string): Promise<string> {
    await writeFile(temp(name), text);
    return temp(name);
  }

  async function readJson(path: string): Promise<VocabularyFile> {
    return JSON.parse(await readFile(path, "utf8")) as VocabularyFile;
  }

  function preprocessOf(specPath: string, source: string, input = 0): PreprocessConfig {
    const config = check(source, { file: specPath }).ir?.inputs[input].preprocess;
    if (config === undefined) throw new Error("the spec has no preprocess block");
    return config;
  }

  it("builds from flags, prints nothing when not on a terminal, and the file reads back", async () => {
    const text = await file("corpus.txt", "a b b c c c\nd, a!\n");
    const out = temp("vocab.json");
    const result = await run(["build", text, "-o", out, "--tokenize", "whitespace", "--max-size", "5"]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    const written = await readJson(out);
    expect(written.tokens).toEqual(["<pad>", "<unk>", "c", "a", "b"]);
    expect(written.counts).toEqual([0, 0, 3, 2, 2]);
    const config = preprocessConfig({ tokenize: "whitespace" });
    expect((await readVocabulary(out, config)).size).toBe(5);
  });

  it("takes every text setting from flags", async () => {
    const text = await file("corpus.txt", "ＡＢ-cd\n");
    const out = temp("v.json");
    const flags = ["--normalize", "none", "--lowercase", "false", "--strip", "none", "--tokenize", "regex:\\S", "--language", "en"];
    expect((await run(["build", text, "-o", out, ...flags])).code).toBe(0);
    const written = await readJson(out);
    expect(written.settings).toEqual({ normalize: null, lowercase: false, strip: null, tokenize: { regex: "\\S" }, language: "en", pad_token: "<pad>", unk_token: "<unk>" });
    expect(written.tokens).toEqual(["<pad>", "<unk>", "Ａ", "Ｂ", "-", "c", "d"]);
  });

  it("with --spec, uses the preprocess block and writes where it points, relative to the spec", async () => {
    const spec = await file("model.nnspec", japaneseSpec);
    await mkdir(temp("data"));
    const text = await file("corpus.txt", corpus);
    const result = await run(["build", text, "--spec", spec]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });

    const config = preprocessOf(spec, japaneseSpec);
    const path = vocabularyPath(spec, config);
    expect(path).toBe(temp("data/vocab.json"));
    // min_freq = 2 from the spec: only tokens seen twice.
    expect((await readJson(path)).tokens).toEqual(["<pad>", "<unk>", "は", "学生", "です", "the"]);
    const vocabulary = await readVocabulary(path, config);
    const encoded = encode(["彼は学生です", "The cat"], config, vocabulary);
    expect(Array.from(encoded.ids)).toEqual([0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 5, 1]);
  });

  it("lets --max-size and --min-freq override the spec's limits", async () => {
    const spec = await file("model.nnspec", japaneseSpec);
    const text = await file("corpus.txt", corpus);
    const out = temp("v.json");
    expect((await run(["build", text, "--spec", spec, "-o", out, "--min-freq", "1", "--max-size", "4"])).code).toBe(0);
    expect((await readJson(out)).tokens).toEqual(["<pad>", "<unk>", "は", "学生"]);
  });

  it("picks the input with --input when several have a preprocess block", async () => {
    const spec = await file("pair.nnspec", twoInputSpec);
    const text = await file("corpus.txt", "猫 犬\n");
    const ambiguous = await run(["build", text, "--spec", spec]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toBe(`nnspec vocab build: '${spec}' has several inputs with a preprocess block (a, b): choose one with --input\n`);

    expect((await run(["build", text, "--spec", spec, "--input", "b"])).code).toBe(0);
    const written = await readJson(temp("b.json"));
    expect(written.settings.tokenize).toBe("characters");
    expect(written.tokens).toEqual(["<pad>", "<unk>", "猫", " ", "犬"]);
    await expect(readVocabulary(temp("b.json"), preprocessOf(spec, twoInputSpec, 1))).resolves.toBeDefined();
  });

  it("names the inputs when --input names none of them", async () => {
    const spec = await file("pair.nnspec", twoInputSpec);
    const text = await file("corpus.txt", "x\n");
    const result = await run(["build", text, "--spec", spec, "--input", "aa"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`nnspec vocab build: '${spec}' has no input 'aa'; did you mean 'a'? (inputs: a, b)\n`);
  });

  it("refuses --input naming an input without a preprocess block", async () => {
    const spec = await file("mixed.nnspec", "model M {\n  input x: int32[batch, 4]\n  input t: int32[batch, 4] preprocess { vocabulary = \"t.json\" }\n  output y = concatenate(x, t)\n}\n");
    const text = await file("corpus.txt", "x\n");
    const result = await run(["build", text, "--spec", spec, "--input", "x"]);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `nnspec vocab build: input 'x' of '${spec}' has no preprocess block\n` });
  });

  it("reports an unreadable spec with exit 2", async () => {
    const result = await run(["build", "corpus.txt", "--spec", temp("none.nnspec")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error NN1001: cannot find '${temp("none.nnspec")}'`);
  });

  it("refuses a spec without a preprocess block", async () => {
    const spec = await file("plain.nnspec", "model M {\n  input x: int32[batch, 4]\n  output y = x |> Embedding(10, 2)\n}\n");
    const text = await file("corpus.txt", "x\n");
    const result = await run(["build", text, "--spec", spec]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("declares no input with a preprocess block");
  });

  it("shows the spec's errors and exits 1", async () => {
    const spec = await file("bad.nnspec", "model M {\n  input x: int32[batch, 4] preprocess { tokenize = \"sentences\" }\n  output y = x |> Embedding(10, 2)\n}\n");
    const text = await file("corpus.txt", "x\n");
    const result = await run(["build", text, "--spec", spec]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${spec.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:\\d+: error NN\\d{4}: `));
  });

  it("refuses text settings as flags together with --spec", async () => {
    const spec = await file("model.nnspec", japaneseSpec);
    const result = await run(["build", "corpus.txt", "--spec", spec, "--tokenize", "whitespace"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nnspec vocab build: --tokenize cannot be combined with --spec: the spec's preprocess block decides it\n");
  });

  it("reports a missing corpus with exit 2 and writes nothing", async () => {
    const out = temp("v.json");
    const result = await run(["build", temp("nope.txt"), "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${temp("nope.txt")}:1:1: error NN6024: cannot read corpus '${temp("nope.txt")}': no such file\n\n1 error\n`);
    expect(await readdir(temp())).toEqual([]);
  });

  it("reports an empty corpus with exit 1 and writes nothing", async () => {
    const text = await file("empty.txt", "\n  \n");
    const result = await run(["build", text, "-o", temp("v.json")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("nnspec vocab build: error NN6025: the corpus has no tokens (2 lines read)\n");
    expect(await readdir(temp())).toEqual(["empty.txt"]);
  });

  it.each([
    ["a missing directory", "no/such/dir/v.json", "directory '{dir}/no/such/dir' does not exist"],
    ["a directory", ".", "it is a directory"],
  ])("reports an output in %s with exit 2", async (_, name, reason) => {
    const text = await file("corpus.txt", "a\n");
    const out = name === "." ? temp() : temp(name);
    const result = await run(["build", text, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`nnspec vocab build: cannot write '${out}': ${reason.replace("{dir}", temp())}\n`);
    expect(await readdir(temp())).toEqual(["corpus.txt"]);
  });

  it("replaces an existing file and leaves no temporary file", async () => {
    const text = await file("corpus.txt", "new\n");
    const out = await file("v.json", "old contents");
    expect((await run(["build", text, "-o", out])).code).toBe(0);
    expect((await readJson(out)).tokens).toEqual(["<pad>", "<unk>", "new"]);
    expect((await readdir(temp())).sort()).toEqual(["corpus.txt", "v.json"]);
  });

  it("shows progress with carriage returns on a terminal, then a summary", async () => {
    const text = await file("corpus.txt", "alpha beta\nbeta gamma\n".repeat(2000));
    const out = temp("v.json");
    const { code, stderr } = await run(["build", text, "-o", out], { isTTY: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\rreading .*corpus\.txt\s+\d+%\s+[\d.]+ of [\d.]+ MiB\s+[\d,]+ lines/);
    expect(stderr).toContain("100%");
    expect(stderr.endsWith(`\r\x1b[Kwrote ${out}: 5 IDs (3 of 3 distinct tokens, from 4,000 lines)\n`)).toBe(true);
  });

  const usage: [string, string[], string][] = [
    ["a missing -o without --spec", [], "missing --output (-o OUT): where to write the vocabulary"],
    ["--max-size below 3", ["-o", "v.json", "--max-size", "2"], "invalid value '2' for '--max-size': expected an integer of at least 3 (two reserved IDs and a token), or none"],
    ["--min-freq 0", ["-o", "v.json", "--min-freq", "0"], "invalid value '0' for '--min-freq': expected a positive integer"],
    ["--lowercase yes", ["-o", "v.json", "--lowercase", "yes"], "invalid value 'yes' for '--lowercase': expected one of true, false"],
    ["a misspelt --normalize", ["-o", "v.json", "--normalize", "nkfc"], "invalid value 'nkfc' for '--normalize': expected one of nfkc, nfc, nfkd, nfd, none; did you mean 'nfkc'?"],
    ["--input without --spec", ["-o", "v.json", "--input", "x"], "--input needs --spec"],
    ["--set without --spec", ["-o", "v.json", "--set", "n=1"], "--set needs --spec"],
  ];
  it.each(usage)("rejects %s with exit 2", async (_, flags, message) => {
    const text = await file("corpus.txt", "a\n");
    const result = await run(["build", text, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`nnspec vocab build: ${message}\nusage: nnspec vocab build [options] CORPUS...\nRun 'nnspec vocab build --help' for more information.\n`);
  });

  it("reports an invalid regex given as a flag with NN6020 and exit 2", async () => {
    const text = await file("corpus.txt", "a\n");
    const result = await run(["build", text, "-o", temp("v.json"), "--tokenize", "regex:("]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^nnspec vocab build: error NN6020: tokenize: invalid regex \/\(\/: .*\n$/);
  });

  it("is listed by 'nnspec help'", async () => {
    const captured = captureIO();
    expect(await main(["help"], captured.io)).toBe(0);
    expect(captured.stdout()).toMatch(/\n {2}vocab +build a text input's vocabulary from corpus files/);
  });

  it("lists its subcommand for help, and rejects a missing or unknown one", async () => {
    const captured = captureIO();
    expect(await main(["help", "vocab"], captured.io, [command])).toBe(0);
    expect(captured.stdout()).toContain("build   count the tokens of text files and write a vocabulary JSON file");
    expect(await run([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^nnspec vocab: missing command\n/) });
    expect(await run(["buidl"])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^nnspec vocab: unknown command 'buidl'; did you mean 'build'\?\n/) });
    const help = await run(["build", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: nnspec vocab build \[options\] CORPUS\.\.\.\n/);
  });
});
