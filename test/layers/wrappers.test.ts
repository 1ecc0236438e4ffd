import { describe, expect, it } from "vitest";
import { expectDiagnostic, layerValue, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const lstm = (options: Record<string, number | boolean> = {}) => layerValue("LSTM", { units: 200, return_sequences: true, ...options });

describe("Bidirectional shapes", () => {
  shapeTable("Bidirectional", [
    { name: "concat doubles the features", options: { layer: lstm() }, inputs: [["batch", 20, 100]], outputs: [["batch", 20, 400]] },
    ...["sum", "mul", "ave"].map((mode) => ({
      name: `${mode} keeps the features`,
      options: { layer: lstm(), merge_mode: mode },
      inputs: [["batch", 20, 100]],
      outputs: [["batch", 20, 200]],
    })),
    {
      name: "none returns forward and backward",
      options: { layer: lstm(), merge_mode: null },
      inputs: [["batch", 20, 100]],
      outputs: [["batch", 20, 200], ["batch", 20, 200]],
    },
    {
      name: "last output only",
      options: { layer: lstm({ return_sequences: false }) },
      inputs: [["batch", "T", 100]],
      outputs: [["batch", 400]],
    },
    {
      name: "return_state: output, forward h and c, backward h and c",
      options: { layer: lstm({ return_state: true }) },
      inputs: [["batch", 20, 100]],
      outputs: [["batch", 20, 400], ["batch", 200], ["batch", 200], ["batch", 200], ["batch", 200]],
    },
    {
      name: "return_state with merge_mode none",
      options: { layer: layerValue("SimpleRNN", { units: 8, return_state: true }), merge_mode: null },
      inputs: [["batch", 20, 100]],
      outputs: [["batch", 8], ["batch", 8], ["batch", 8], ["batch", 8]],
    },
    {
      name: "wrapping a Dense",
      options: { layer: layerValue("Dense", { units: 8 }) },
      inputs: [["batch", 20, 100]],
      diagnostic: { code: "NN4008", at: { option: "layer" } },
    },
    {
      name: "backward_layer",
      options: { layer: lstm(), backward_layer: lstm() },
      inputs: [["batch", 20, 100]],
      diagnostic: { code: "NN4006", at: { option: "backward_layer" } },
    },
    {
      name: "the wrapped layer's shape rule reports its input",
      options: { layer: lstm() },
      inputs: [["batch", 100]],
      diagnostic: { code: "NN3003", at: { input: 0 } },
    },
    { name: "layer is required", options: {}, inputs: [["batch", 20, 100]], diagnostic: { code: "NN4005", at: { option: "layer" } } },
    { name: "layer must be a layer", options: { layer: 3 }, inputs: [["batch", 20, 100]], diagnostic: { code: "NN4002", at: { option: "layer" } } },
  ]);
});

describe("Bidirectional weights", () => {
  it("has the forward then the backward weights, Keras-named: 481,600 parameters for LSTM(200) on 100", () => {
    const run = runLayer("Bidirectional", { layer: lstm() }, [{ shape: ["batch", 20, 100] }]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["forward_lstm/kernel", [100, 800]],
      ["forward_lstm/recurrent_kernel", [200, 800]],
      ["forward_lstm/bias", [800]],
      ["backward_lstm/kernel", [100, 800]],
      ["backward_lstm/recurrent_kernel", [200, 800]],
      ["backward_lstm/bias", [800]],
    ]);
    expect(run.params).toBe(481_600);
  });

  it("names the type it cannot wrap", () => {
    const run = runLayer("Bidirectional", { layer: layerValue("Dense", { units: 8 }) }, [{ shape: ["batch", 20, 100] }]);
    const message = expectDiagnostic(run, { code: "NN4008", at: { option: "layer" } });
    expect(message).toBe("Bidirectional 'my_bidirectional' wraps a recurrent layer (SimpleRNN, LSTM or GRU), but received a Dense layer");
  });
});
