import { describe, expect, it } from "vitest";
import type { Span } from "../../src/diagnostics/span.js";
import type { LossName } from "../../src/ir/pipeline-types.js";
import { resolveLosses } from "../../src/train/loss-fit.js";
import { TrainError } from "../../src/train/train-error.js";
import { specIR } from "./support.js";

function model(head: string): ReturnType<typeof specIR> {
  return specIR(`model M {
  input x: float32[batch, 4]
  output y = x |> ${head}
}`);
}

function problems(head: string, losses: LossName[], lossSpan?: Span): string[] {
  try {
    resolveLosses(model(head), losses, lossSpan);
  } catch (error) {
    if (error instanceof TrainError) return error.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`);
    throw error;
  }
  return [];
}

const lossSpan: Span = { file: "m.nnspec", start: { offset: 90, line: 5, column: 12 }, end: { offset: 122, line: 5, column: 44 } };

describe("losses against outputs", () => {
  it("accepts the losses that fit, one for every output", () => {
    expect(problems(`Dense(10, activation="softmax")`, ["sparse_categorical_crossentropy"])).toEqual([]);
    expect(problems(`Dense(10) |> softmax`, ["categorical_crossentropy"])).toEqual([]);
    expect(problems(`Dense(1, activation="sigmoid") |> Dropout(0.2)`, ["binary_crossentropy"])).toEqual([]);
    expect(problems(`Dense(3)`, ["mse"])).toEqual([]);
  });

  it("rejects sparse crossentropy on a sigmoid output of size 1, at the loss setting, naming the output", () => {
    const error = (() => {
      try {
        resolveLosses(model(`Dense(1, activation="sigmoid")`), ["sparse_categorical_crossentropy"], lossSpan);
      } catch (e) {
        return e as TrainError;
      }
      throw new Error("no error");
    })();
    const [d] = error.diagnostics;
    expect(d!.code).toBe("NN6040");
    expect(d!.span).toEqual(lossSpan);
    expect(d!.message).toBe(
      "sparse_categorical_crossentropy needs one probability per class, but output 'y' is a sigmoid of size 1: use binary_crossentropy for a yes/no output",
    );
    expect(d!.related!.map((r) => `${r.span.start.line} ${r.message}`)).toEqual(["3 output 'y' is declared here", "3 'y' applies sigmoid here"]);
  });

  it("rejects binary crossentropy on a 10-way softmax, and crossentropy on outputs that are not probabilities", () => {
    expect(problems(`Dense(10, activation="softmax")`, ["binary_crossentropy"])).toEqual([
      "3:10 NN6040 binary_crossentropy scores each value as an independent yes/no probability, but output 'y' is a 10-way softmax: use sparse_categorical_crossentropy (integer labels) or categorical_crossentropy (one-hot labels) (output declared at 3:10)",
    ]);
    expect(problems(`Dense(4)`, ["categorical_crossentropy"])[0]).toContain(
      "categorical_crossentropy needs class probabilities that sum to 1, but output 'y' is linear (no activation) of size 4",
    );
    expect(problems(`Dense(1, activation="tanh")`, ["binary_crossentropy"])[0]).toContain("binary_crossentropy needs probabilities in [0, 1], but output 'y' is a tanh of size 1");
  });

  it("needs a loss, and one per output or one for all", () => {
    expect(problems(`Dense(2)`, [])).toEqual([
      `3:10 NN6041 no loss to train with: set one in the spec, e.g. train { loss = "sparse_categorical_crossentropy" } (outputs: 'y')`,
    ]);
    expect(problems(`Dense(2)`, ["mse", "mae"])).toEqual(["3:10 NN6041 2 losses for 1 outputs ('y'): give one loss, or one per output in output order"]);
    const twoOutputs = specIR(`model Two {
  input x: float32[batch, 4]
  output a = x |> Dense(2)
  output b = x |> Dense(3, activation="softmax")
}`);
    expect(resolveLosses(twoOutputs, ["mse"])).toEqual(["mse", "mse"]);
    expect(resolveLosses(twoOutputs, ["mse", "sparse_categorical_crossentropy"])).toEqual(["mse", "sparse_categorical_crossentropy"]);
  });
});
