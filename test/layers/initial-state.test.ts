import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { Options, Shape } from "../../src/ir/types.js";
import { expectDiagnostic, layerValue, outputShapes, runLayer, type TestInput } from "./harness.js";

/** initial_state, given by keyword when applying a recurrent layer: LSTM(64)(x, initial_state=[h, c]). */

const sequence: TestInput = { shape: ["batch", 20, 8], name: "x" };
const state = (shape: Shape, name: string): TestInput => ({ shape, name, line: 4 });
const withStates = (type: string, options: Options, states: TestInput[], input: TestInput = sequence) =>
  runLayer(type, options, [input], { initial_state: states });

describe("initial_state", () => {
  it("is a tensor keyword of every recurrent layer and of Bidirectional", () => {
    for (const type of ["SimpleRNN", "LSTM", "GRU", "Bidirectional"]) expect(getLayerDefinition(type)?.tensorKeywords).toEqual(["initial_state"]);
  });

  it.each([
    ["SimpleRNN", [state(["batch", 16], "h")]],
    ["GRU", [state(["batch", 16], "h")]],
    ["LSTM", [state(["batch", 16], "h"), state(["batch", 16], "c")]],
    ["LSTM", [state(["batch", null], "h"), state([null, 16], "c")]],
  ] as const)("%s takes its states and keeps its outputs", (type, states) => {
    const run = withStates(type, { units: 16, return_sequences: true }, [...states]);
    expect(outputShapes(run)).toEqual([["batch", 20, 16]]);
  });

  it.each([
    ["LSTM", 1, "LSTM 'my_lstm': initial_state takes 2 tensors (h, c), but received 1"],
    ["LSTM", 3, "LSTM 'my_lstm': initial_state takes 2 tensors (h, c), but received 3"],
    ["GRU", 2, "GRU 'my_gru': initial_state takes 1 tensor (h), but received 2"],
    ["SimpleRNN", 0, "SimpleRNN 'my_simplernn': initial_state takes 1 tensor (h), but received 0"],
  ] as const)("%s with %i states is NN2007 WrongInputCount, naming the count it expects", (type, count, message) => {
    const states = Array.from({ length: count }, (_, i) => state(["batch", 16], `s${i}`));
    const run = withStates(type, { units: 16 }, states);
    expect(expectDiagnostic(run, { code: "NN2007", at: { keyword: "initial_state" } })).toBe(message);
  });

  it("names the state of the wrong size (NN3001)", () => {
    const run = withStates("LSTM", { units: 16 }, [state(["batch", 16], "h0"), state(["batch", 32], "c0")]);
    const message = expectDiagnostic(run, { code: "NN3001", at: { keyword: "initial_state", index: 1 } });
    expect(message).toBe("LSTM 'my_lstm': initial_state c (the 2nd state) must be [batch, 16], but 'c0' [batch, 32] has 32 units");
  });

  it.each([
    ["a rank-3 state", state(["batch", 1, 16], "h0"), "NN3003"],
    ["an int32 state", { ...state(["batch", 16], "h0"), dtype: "int32" as const }, "NN3004"],
    ["a number where the batch is a symbol", state([4, 16], "h0"), "NN3008"],
    ["another batch symbol", state(["b", 16], "h0"), "NN3008"],
    ["a symbolic size", state(["batch", "U"], "h0"), "NN3008"],
  ])("reports %s at that state", (_, bad, code) => {
    const run = withStates("GRU", { units: 16 }, [bad], { shape: ["batch", 20, 8], name: "x" });
    expectDiagnostic(run, { code, at: { keyword: "initial_state", index: 0 } });
  });

  it("mentions the sequence's batch when the batch sizes differ", () => {
    const run = withStates("SimpleRNN", { units: 4 }, [state([2, 4], "h0")], { shape: [8, 20, 3], name: "x" });
    expect(expectDiagnostic(run, { code: "NN3001", at: { keyword: "initial_state", index: 0 } })).toBe(
      "SimpleRNN 'my_simplernn': initial_state h (the 1st state) has batch size 2, but the sequence 'x' [8, 20, 3] has 8",
    );
  });
});

describe("Bidirectional initial_state", () => {
  const lstm = layerValue("LSTM", { units: 16, return_state: true });

  it("takes the forward states, then the backward states", () => {
    const states = ["fh", "fc", "bh", "bc"].map((n) => state(["batch", 16], n));
    const run = withStates("Bidirectional", { layer: lstm }, states);
    expect(outputShapes(run)).toEqual([["batch", 32], ["batch", 16], ["batch", 16], ["batch", 16], ["batch", 16]]);
  });

  it("expects both directions' states", () => {
    const run = withStates("Bidirectional", { layer: lstm }, [state(["batch", 16], "h"), state(["batch", 16], "c")]);
    expect(expectDiagnostic(run, { code: "NN2007", at: { keyword: "initial_state" } })).toBe(
      "Bidirectional 'my_bidirectional': initial_state takes 4 tensors (forward h, forward c, backward h, backward c), but received 2",
    );
  });

  it("names the direction of a wrong state", () => {
    const states = [state(["batch", 8], "fh"), state(["batch", 9], "bh")];
    const run = withStates("Bidirectional", { layer: layerValue("GRU", { units: 8 }) }, states);
    const message = expectDiagnostic(run, { code: "NN3001", at: { keyword: "initial_state", index: 1 } });
    expect(message).toBe("Bidirectional 'my_bidirectional': initial_state backward h (the 2nd state) must be [batch, 8], but 'bh' [batch, 9] has 9 units");
  });
});
