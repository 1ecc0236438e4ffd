import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe.each(["SimpleRNN", "LSTM"])("%s shapes", (type) => {
  shapeTable(type, [
    { name: "last output only", options: { units: 200 }, inputs: [["batch", 20, 100]], outputs: [["batch", 200]] },
    { name: "return_sequences", options: { units: 200, return_sequences: true }, inputs: [["batch", 20, 100]], outputs: [["batch", 20, 200]] },
    { name: "symbolic time", options: { units: 8, return_sequences: true }, inputs: [["b", "T1 + T2", 3]], outputs: [["b", "T1 + T2", 8]] },
    { name: "unknown time", options: { units: 8, return_sequences: true }, inputs: [["batch", null, 3]], outputs: [["batch", null, 8]] },
    { name: "rank 2 input", options: { units: 8 }, inputs: [["batch", 20]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "rank 4 input", options: { units: 8 }, inputs: [["batch", 2, 3, 4]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    {
      name: "token ids",
      options: { units: 8 },
      inputs: [{ shape: ["batch", 20, 1], dtype: "int32" }],
      diagnostic: { code: "NN3004", at: { input: 0 } },
    },
    { name: "unknown features", options: { units: 8 }, inputs: [["batch", 20, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "symbolic features", options: { units: 8 }, inputs: [["batch", 20, "F"]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "stateful", options: { units: 8, stateful: true }, inputs: [["batch", 20, 3]], diagnostic: { code: "NN4006", at: { option: "stateful" } } },
    { name: "unroll", options: { units: 8, unroll: true }, inputs: [["batch", 20, 3]], diagnostic: { code: "NN4006", at: { option: "unroll" } } },
    {
      name: "activity_regularizer",
      options: { units: 8, activity_regularizer: { kind: "regularizer", l1: 0, l2: 0.01 } },
      inputs: [["batch", 20, 3]],
      diagnostic: { code: "NN4006", at: { option: "activity_regularizer" } },
    },
  ]);
});

describe("recurrent states", () => {
  shapeTable("LSTM", [
    {
      name: "LSTM return_state gives output, h and c",
      options: { units: 16, return_state: true },
      inputs: [["batch", 20, 3]],
      outputs: [["batch", 16], ["batch", 16], ["batch", 16]],
    },
    {
      name: "LSTM return_sequences and return_state",
      options: { units: 16, return_sequences: true, return_state: true },
      inputs: [["batch", "T", 3]],
      outputs: [["batch", "T", 16], ["batch", 16], ["batch", 16]],
    },
  ]);
  shapeTable("SimpleRNN", [
    {
      name: "SimpleRNN return_state gives output and h",
      options: { units: 16, return_state: true },
      inputs: [["batch", 20, 3]],
      outputs: [["batch", 16], ["batch", 16]],
    },
  ]);
});

describe("recurrent weights", () => {
  it("SimpleRNN(200) on 100 features has Keras's 60,200 parameters in tfjs order", () => {
    const run = runLayer("SimpleRNN", { units: 200 }, [{ shape: ["batch", 20, 100] }]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["kernel", [100, 200]],
      ["recurrent_kernel", [200, 200]],
      ["bias", [200]],
    ]);
    expect(run.params).toBe(60_200);
  });

  it("LSTM(200) on 100 features has four gate blocks: 240,800 parameters", () => {
    const run = runLayer("LSTM", { units: 200 }, [{ shape: ["batch", 20, 100] }]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["kernel", [100, 800]],
      ["recurrent_kernel", [200, 800]],
      ["bias", [800]],
    ]);
    expect(run.params).toBe(240_800);
  });

  it("uses Keras's initializers: glorot_uniform, orthogonal, and a forget-gate bias of 1", () => {
    const run = runLayer("LSTM", { units: 4 }, [{ shape: ["batch", 2, 3] }]);
    expect(run.weights?.map((w) => w.initializer)).toEqual([
      { name: "glorot_uniform" },
      { name: "orthogonal", gain: 1 },
      { name: "unit_forget_bias", units: 4 },
    ]);
  });

  it("keeps bias_initializer for the other gates when unit_forget_bias is on", () => {
    const run = runLayer("LSTM", { units: 4, bias_initializer: "ones" }, [{ shape: ["batch", 2, 3] }]);
    expect(run.weights?.[2].initializer).toEqual({ name: "unit_forget_bias", units: 4, base: "ones" });
  });

  it("uses bias_initializer alone without unit_forget_bias, and drops the bias without use_bias", () => {
    const plain = runLayer("LSTM", { units: 4, unit_forget_bias: false }, [{ shape: ["batch", 2, 3] }]);
    expect(plain.weights?.[2].initializer).toEqual({ name: "zeros" });
    const noBias = runLayer("SimpleRNN", { units: 4, use_bias: false }, [{ shape: ["batch", 2, 3] }]);
    expect(noBias.weights?.map((w) => w.name)).toEqual(["kernel", "recurrent_kernel"]);
    expect(noBias.params).toBe(3 * 4 + 4 * 4);
  });

  it("suggests an Embedding for integer input", () => {
    const run = runLayer("LSTM", { units: 4 }, [{ shape: ["batch", 20, 1], dtype: "int32", name: "ids" }]);
    const message = expectDiagnostic(run, { code: "NN3004", at: { input: 0 } });
    expect(message).toBe(
      "LSTM 'my_lstm' needs a float32 input, but 'ids' is int32 [batch, 20, 1]; did you forget an Embedding? token IDs need one before a recurrent layer",
    );
  });

  it("defaults recurrent_activation to Keras's sigmoid and always spells it out for tfjs (whose default is hardSigmoid)", () => {
    const run = runLayer("LSTM", { units: 4 }, [{ shape: ["batch", 2, 3] }]);
    expect(run.options.recurrent_activation).toBe("sigmoid");
    const { config } = getLayerDefinition("LSTM")!.toTfjs({ name: "lstm", options: run.options });
    expect(config.recurrentActivation).toBe("sigmoid");
    const hard = runLayer("LSTM", { units: 4, recurrent_activation: "hard_sigmoid" }, [{ shape: ["batch", 2, 3] }]);
    expect(getLayerDefinition("LSTM")!.toTfjs({ name: "lstm", options: hard.options }).config.recurrentActivation).toBe("hardSigmoid");
  });
});
