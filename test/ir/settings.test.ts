import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { validateIR } from "../../src/ir/schema.js";

const sentiment = readFileSync(new URL("../../specs/examples/sentiment.nnspec", import.meta.url), "utf8");

describe("preprocess and train declarations", () => {
  it("fill PreprocessConfig and TrainingConfig with defaults, and the IR stays schema-valid", () => {
    const { ir, diagnostics } = check(sentiment, { file: "sentiment.nnspec" });
    expect(diagnostics).toEqual([]);
    expect(ir!.inputs[0].preprocess).toEqual({
      normalize: "nfkc",
      lowercase: true,
      strip: "punctuation",
      tokenize: "words",
      language: "und",
      vocabulary: { file: "sentiment.vocab.json", max_size: 5000, min_freq: 2 },
      sequence_length: 40,
      padding: "pre",
      truncating: "post",
      pad_id: 0,
      unk_id: 1,
      pad_token: "<pad>",
      unk_token: "<unk>",
    });
    expect(ir!.training).toMatchObject({
      optimizer: { name: "adam", learning_rate: 1e-3, beta_1: 0.9 },
      loss: ["sparse_categorical_crossentropy"],
      metrics: ["accuracy"],
      epochs: 10,
      validation_split: 0.2,
      early_stopping: { monitor: "val_loss", patience: 2, restore_best_weights: true, mode: "auto", min_delta: 0 },
      lr_schedule: null,
    });
    expect(validateIR(JSON.parse(JSON.stringify(ir)))).toMatchObject({ ok: true });
  });

  it("parameters override settings like any other value", () => {
    const { ir } = check(sentiment, { params: { vocab_size: "8000" } });
    expect(ir!.inputs[0].preprocess!.vocabulary.max_size).toBe(8000);
  });

  it("reads regex tokenizers, schedules and per-output losses", () => {
    const { ir, diagnostics } = check(`model M {
      input t: int32[batch, 10] preprocess { tokenize = regex("[a-z]+"); strip = none }
      e = t |> Embedding(100, 4) |> LSTM(4)
      output a = e |> Dense(3, activation="softmax")
      output b = e |> Dense(1)
      train { loss = ["sparse_categorical_crossentropy", "mse"]; lr_schedule = step_decay(step_size=5); optimizer = sgd(0.1) }
    }`);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ir!.inputs[0].preprocess).toMatchObject({ tokenize: { regex: "[a-z]+" }, strip: null });
    expect(ir!.training).toMatchObject({ loss: ["sparse_categorical_crossentropy", "mse"], lr_schedule: { kind: "step_decay", step_size: 5, gamma: 0.1 }, optimizer: { name: "sgd", learning_rate: 0.1 } });
  });

  it("rejects an invalid regex, a missing loss, and a class loss on one unit", () => {
    const codes = (body: string) => check(`model M {\n${body}\n}`).diagnostics.map((d) => d.code);
    expect(codes(`input t: int32[batch, 10] preprocess { tokenize = regex("[") }\noutput y = t |> Embedding(10, 2)`)).toContain("NN4011");
    expect(codes(`input x: float32[batch, 4]\noutput y = x |> Dense(1)\ntrain { epochs = 2 }`)).toContain("NN4011");
    expect(codes(`input x: float32[batch, 4]\noutput y = x |> Dense(1, activation="sigmoid")\ntrain { loss = "sparse_categorical_crossentropy" }`)).toContain("NN3016");
  });
});
