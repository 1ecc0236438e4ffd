import { describe, expect, it } from "vitest";
import { callTextLine, callTextLines, layerCallText } from "../../src/graph/layer-call-text.js";
import type { Options } from "../../src/ir/types.js";
import { irOf } from "./seed-specs.js";

/** The call text of the one layer a spec applies last (the output's layer), as the diagram shows it. */
function callTextOf(layerExpression: string, input = "float32[batch, 20, 8]"): string {
  const ir = irOf(`model M {\n  input x: ${input}\n  output y = x |> ${layerExpression}\n}\n`);
  const layer = ir.layers[ir.layers.length - 1];
  return callTextLine(layerCallText(layer.type, layer.options));
}

describe("layerCallText", () => {
  it.each([
    ["Dense(200)", "Dense(200)"],
    ['Dense(200, activation="tanh")', "Dense(200, tanh)"],
    ['Dense(4, use_bias=false, kernel_initializer="he_normal")', "Dense(4, use_bias=false, kernel_initializer=he_normal)"],
    ["Dense(4, kernel_regularizer=l2(0.01))", "Dense(4, kernel_regularizer=l2(0.01))"],
    ["Dense(4, kernel_regularizer=l1_l2(l1=0.1, l2=0.2))", "Dense(4, kernel_regularizer=l1_l2(l1=0.1, l2=0.2))"],
    ["LSTM(200, return_sequences=true)", "LSTM(200, return_sequences=true)"],
    ['LSTM(16, activation="tanh", recurrent_activation="sigmoid")', "LSTM(16)"],
    ['Bidirectional(LSTM(200, return_sequences=true), merge_mode="concat")', "Bidirectional(LSTM(200, return_sequences=true), merge_mode=concat)"],
    ["Bidirectional(SimpleRNN(8))", "Bidirectional(SimpleRNN(8), merge_mode=concat)"],
    ['Bidirectional(LSTM(8), merge_mode="sum")', "Bidirectional(LSTM(8), merge_mode=sum)"],
    ["Dropout(0.3)", "Dropout(0.3)"],
    ["softmax", "Softmax"],
    ["softmax(axis=1)", "Softmax(axis=1)"],
    ['Activation("relu")', "Activation(relu)"],
  ])("%s is drawn as %s", (expression, expected) => {
    expect(callTextOf(expression)).toBe(expected);
  });

  it("shows Embedding's sizes bare and input_length only when given", () => {
    expect(callTextOf("Embedding(1000, 100)", "int32[batch, 20]")).toBe("Embedding(1000, 100)");
    expect(callTextOf("Embedding(1000, 100, input_length=20)", "int32[batch, 20]")).toBe("Embedding(1000, 100, input_length=20)");
  });

  it("writes Dot's axes by name, as a bare [2, 1] would say little", () => {
    const ir = irOf("model M {\n  input a: float32[batch, 3, 4]\n  input b: float32[batch, 4, 5]\n  output y = dot(a, b, axes=[2, 1])\n}\n");
    const layer = ir.layers[0];
    expect(callTextLine(layerCallText(layer.type, layer.options))).toBe("Dot(axes=[2, 1])");
  });

  it("names every positional option after one that was skipped", () => {
    // Dense's activation is positional, but after a default units it could not be written bare.
    const options: Options = { units: 4, activation: null, use_bias: true };
    expect(layerCallText("Dense", options).args).toEqual(["4"]);
    expect(layerCallText("Dot", { axes: 1, normalize: true }).args).toEqual(["axes=1", "normalize=true"]);
  });

  it("quotes strings that are not plain words", () => {
    expect(layerCallText("Activation", { activation: 'a "b"' }).args).toEqual(['"a \\"b\\""']);
  });

  it("shows every given option of a type it does not know", () => {
    expect(callTextLine(layerCallText("Custom", { size: 3, mode: null, flags: [true, false] }))).toBe(
      "Custom(size=3, mode=none, flags=[true, false])",
    );
  });
});

describe("callTextLines", () => {
  const call = { type: "Bidirectional", args: ["LSTM(200, return_sequences=true)", "merge_mode=concat"] };

  it("keeps a short call on one line", () => {
    expect(callTextLines({ type: "Dense", args: ["200", "tanh"] }, 38)).toEqual(["Dense(200, tanh)"]);
    expect(callTextLines({ type: "Softmax", args: [] }, 38)).toEqual(["Softmax"]);
  });

  it("breaks after the comma between arguments, never inside one", () => {
    expect(callTextLines(call, 38)).toEqual(["Bidirectional(LSTM(200, return_sequences=true),", "merge_mode=concat)"]);
    expect(callTextLines(call, 200)).toEqual(["Bidirectional(LSTM(200, return_sequences=true), merge_mode=concat)"]);
  });

  it("fills each line as far as the width allows", () => {
    const lines = callTextLines({ type: "T", args: ["aaaa", "bbbb", "cccc", "dddd"] }, 13);
    expect(lines).toEqual(["T(aaaa, bbbb,", "cccc, dddd)"]);
    expect(callTextLines({ type: "T", args: ["aaaa", "bbbb", "cccc", "dddd"] }, 12)).toEqual(["T(aaaa,", "bbbb, cccc,", "dddd)"]);
  });
});
