import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { Options } from "../../src/ir/types.js";
import { expectDiagnostic, layerValue, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const wrap = (type: string, options: Options) => ({ layer: layerValue(type, options) });

describe("TimeDistributed shapes", () => {
  shapeTable("TimeDistributed", [
    { name: "Dense at every step", options: wrap("Dense", { units: 4 }), inputs: [["batch", 10, 8]], outputs: [["batch", 10, 4]] },
    { name: "symbolic and unknown time", options: wrap("Dense", { units: 4 }), inputs: [["batch", "T", 8]], outputs: [["batch", "T", 4]] },
    { name: "rank 4: Conv1D over each sentence", options: wrap("Conv1D", { filters: 6, kernel_size: 3 }), inputs: [["batch", null, 20, 8]], outputs: [["batch", null, 18, 6]] },
    { name: "an LSTM per sentence", options: wrap("LSTM", { units: 5 }), inputs: [["batch", 4, 20, 8]], outputs: [["batch", 4, 5]] },
    { name: "Flatten each step", options: wrap("Flatten", {}), inputs: [["batch", 7, 4, 3]], outputs: [["batch", 7, 12]] },
    {
      name: "Embedding of each sentence",
      options: wrap("Embedding", { input_dim: 100, output_dim: 8 }),
      inputs: [{ shape: ["batch", 4, 20], dtype: "int32" }],
      outputs: [["batch", 4, 20, 8]],
    },
    { name: "TimeDistributed on a rank-2 tensor", options: wrap("Dense", { units: 4 }), inputs: [["batch", 8]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    {
      name: "a layer of two inputs",
      options: wrap("Dot", { axes: 1 }),
      inputs: [["batch", 10, 8]],
      diagnostic: { code: "NN4008", at: { option: "layer" } },
    },
    {
      name: "a layer with two outputs",
      options: wrap("LSTM", { units: 3, return_state: true }),
      inputs: [["batch", 4, 20, 8]],
      diagnostic: { code: "NN4008", at: { option: "layer" } },
    },
    {
      name: "the wrapped layer's own rule reports on one step",
      options: wrap("LSTM", { units: 3 }),
      inputs: [["batch", 10, 8]],
      diagnostic: { code: "NN3003", at: { input: 0 } },
    },
    { name: "layer is required", options: {}, inputs: [["batch", 10, 8]], diagnostic: { code: "NN4005", at: { option: "layer" } } },
  ]);
});

describe("TimeDistributed weights and lowering", () => {
  it("has the wrapped layer's weights, unprefixed (tfjs names them after the wrapper)", () => {
    const run = runLayer("TimeDistributed", wrap("Dense", { units: 4 }), [{ shape: ["batch", 10, 8] }]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["kernel", [8, 4]],
      ["bias", [4]],
    ]);
    expect(run.params).toBe(36);
  });

  it("lowers the wrapped layer with a Keras-style name", () => {
    const options = wrap("BatchNormalization", {});
    const lowered = getLayerDefinition("TimeDistributed")!.toTfjs({ name: "td", options: runLayer("TimeDistributed", options, [{ shape: ["b", 2, 3] }]).options });
    expect(lowered).toMatchObject({ className: "TimeDistributed", config: { name: "td", layer: { className: "BatchNormalization", config: { name: "batch_normalization" } } } });
  });

  it("says what it wants of a rank-2 input", () => {
    const run = runLayer("TimeDistributed", wrap("Dense", { units: 4 }), [{ shape: ["batch", 8], name: "pooled" }]);
    expect(expectDiagnostic(run, { code: "NN3003", at: { input: 0 } })).toBe(
      "TimeDistributed 'my_timedistributed' applies its layer at each step of a [batch, time, …] input (rank 3 or more), but 'pooled' [batch, 8] is 2-D; apply the layer directly",
    );
  });
});
