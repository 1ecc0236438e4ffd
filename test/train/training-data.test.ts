import { describe, expect, it } from "vitest";
import { loadTrainingData } from "../../src/train/data/training-data.js";
import { TrainError } from "../../src/train/train-error.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataFile, specIR, tempDir, TINY_CLASSIFIER } from "./support.js";

const ir = specIR(TINY_CLASSIFIER);
const sparse = ["sparse_categorical_crossentropy"] as const;

async function problems(lines: string[], name = "data.csv"): Promise<string[]> {
  try {
    await loadTrainingData(ir, sparse, { train: dataFile(name, lines) });
  } catch (error) {
    if (error instanceof TrainError) return error.diagnostics.map((d) => `${d.span.start.line}: ${d.code} ${d.message}`);
    throw error;
  }
  return [];
}

describe("loadTrainingData", () => {
  it("reads CSV with space-separated IDs and class names, mapped to IDs in sorted order", async () => {
    const data = await loadTrainingData(ir, sparse, {
      train: dataFile("data.csv", ["id,tokens,label", '1,1 2 3 4,pos', '2,"5, 6, 7, 8",neg', "3,9 9 9 9,neutral"]),
    });
    expect(data.classes).toEqual([["neg", "neutral", "pos"]]);
    const batch = data.train.dataset.readBatch([2, 0]);
    expect(batch.inputs[0]!.shape).toEqual([2, 4]);
    expect(Array.from(batch.inputs[0]!.data)).toEqual([9, 9, 9, 9, 1, 2, 3, 4]);
    expect(batch.labels[0]!.shape).toEqual([2]);
    expect(Array.from(batch.labels[0]!.data)).toEqual([1, 2]);
    data.close();
  });

  it("reads JSON lines with ID arrays and integer labels, and holds out the last part for validation", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ tokens: [i % 10, 1, 2, 3], label: i % 3 }));
    const data = await loadTrainingData(ir, sparse, { train: dataFile("data.jsonl", lines), validationSplit: 0.2 });
    expect(data.classes).toEqual([[]]);
    expect(Array.from(data.train.records)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(data.validation!.records)).toEqual([8, 9]);
    const batch = data.validation!.dataset.readBatch(data.validation!.records);
    expect(Array.from(batch.labels[0]!.data)).toEqual([2, 0]);
    data.close();
  });

  it("one-hot encodes class IDs for categorical crossentropy and takes one-hot vectors as they are", async () => {
    const data = await loadTrainingData(ir, ["categorical_crossentropy"], {
      train: dataFile("data.jsonl", [JSON.stringify({ tokens: [1, 2, 3, 4], label: 2 }), JSON.stringify({ tokens: [1, 2, 3, 4], label: [0, 1, 0] })]),
    });
    const batch = data.train.dataset.readBatch([0, 1]);
    expect(batch.labels[0]!.shape).toEqual([2, 3]);
    expect(Array.from(batch.labels[0]!.data)).toEqual([0, 0, 1, 0, 1, 0]);
    data.close();
  });

  it("learns a symbolic length from the data and requires every example to have it", async () => {
    const symbolic = specIR(`model S {
  input tokens: int32[batch, T]
  output y = tokens |> Embedding(10, 3) |> LSTM(4) |> Dense(2, activation="softmax")
}`);
    const good = await loadTrainingData(symbolic, sparse, { train: dataFile("d.csv", ["tokens,label", "1 2 3,0", "4 5 6,1"]) });
    expect(good.dims).toEqual({ T: 3 });
    expect(good.train.dataset.readBatch([1]).inputs[0]!.shape).toEqual([1, 3]);
    good.close();
    await expect(loadTrainingData(symbolic, sparse, { train: dataFile("d.csv", ["tokens,label", "1 2 3,0", "4 5,1"]) })).rejects.toThrow(
      /expected 3 values for \[3\], found 2/,
    );
  });

  it("reports each bad example at its line, with the catalog code", async () => {
    expect(
      await problems(["tokens,label", "1 2 3 4,0", "1 2 3,1", "1 2 3 10,1", "1 2 3 4,3", "1 2 x 4,0", "1 2 3 4.5,0", '"1 2 3 4,0'], "d.csv"),
    ).toEqual([
      "3: NN6003 input 'tokens': expected 4 values for [4], found 3",
      "4: NN6005 input 'tokens': token ID 10 (position 4) is outside the vocabulary (Embedding 'embedding' has input_dim 10: IDs 0…9)",
      "5: NN6043 labels of output 'label': class 3 does not fit an output of 3 classes (IDs are integers 0…2)",
      "6: NN6004 input 'tokens': 'x' is not a number",
      "7: NN6004 input 'tokens' takes integer token IDs, found 4.5",
      "8: NN6002 a quoted field is not closed, or text follows its closing quote",
    ]);
  });

  it("names the missing columns from the CSV header, and too many class names for the output", async () => {
    expect(await problems(["words,target", "1 2 3 4,0"])).toEqual([
      "1: NN6011 no column 'tokens' for input 'tokens' (columns: 'words', 'target')",
      "1: NN6047 no column 'label' with the labels of output 'label' (columns: 'words', 'target')",
    ]);
    const many = await problems(["tokens,label", "1 2 3 4,a", "1 2 3 4,b", "1 2 3 4,c", "1 2 3 4,d"]);
    // Reported at the output in the spec (line 3), naming the data file.
    expect(many).toHaveLength(1);
    expect(many[0]).toMatch(/^3: NN6043 the labels of output 'label' in '.*data\.csv' name 4 classes \('a', 'b', 'c', 'd'\), but the output has 3$/);
  });

  it("keeps the classes of the training data for the validation file", async () => {
    const train = dataFile("train.csv", ["tokens,label", "1 2 3 4,cat", "1 2 3 4,dog"]);
    await expect(loadTrainingData(ir, sparse, { train, validation: dataFile("val.csv", ["tokens,label", "1 2 3 4,cow"]) })).rejects.toThrow(
      /class 'cow' is not among the training data's classes \('cat', 'dog'\)/,
    );
  });

  it("encodes raw text with the input's vocabulary, padded as the preprocess block says", async () => {
    const dir = tempDir();
    const vocabulary = {
      format: "nnspec-vocabulary",
      version: 1,
      settings: { normalize: "nfkc", lowercase: true, strip: "punctuation", tokenize: "whitespace", language: "und", pad_token: "<pad>", unk_token: "<unk>" },
      tokens: ["<pad>", "<unk>", "good", "bad", "movie"],
      counts: [0, 0, 3, 2, 2],
    };
    writeFileSync(join(dir, "vocab.json"), JSON.stringify(vocabulary));
    const textIR = specIR(
      `model T {
  input text: int32[batch, 4] preprocess {
    tokenize = "whitespace"
    vocabulary = "vocab.json"
  }
  output label = text |> Embedding(5, 3) |> LSTM(2) |> Dense(2, activation="softmax")
}`,
      join(dir, "t.nnspec"),
    );
    const data = await loadTrainingData(textIR, sparse, {
      train: dataFile("d.jsonl", [JSON.stringify({ text: "Good movie!", label: "pos" }), JSON.stringify({ text: "bad, BAD unknown movie", label: "neg" })], dir),
    });
    const batch = data.train.dataset.readBatch([0, 1]);
    expect(Array.from(batch.inputs[0]!.data)).toEqual([0, 0, 2, 4, 3, 3, 1, 4]);
    data.close();
    await expect(loadTrainingData(textIR, sparse, { train: dataFile("e.jsonl", [JSON.stringify({ text: "  ", label: "pos" })], dir) })).rejects.toThrow(
      "NN6004: input 'text' takes raw text (it has a preprocess block), found an empty text",
    );
  });

  it("reports a missing file", async () => {
    await expect(loadTrainingData(ir, sparse, { train: "/nonexistent/data.csv" })).rejects.toThrow(/NN6002: cannot read data file '\/nonexistent\/data.csv': no such file/);
  });
});
