import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Dense shapes", () => {
  shapeTable("Dense", [
    { name: "rank 2", options: { units: 200 }, inputs: [["batch", 800]], outputs: [["batch", 200]] },
    { name: "rank 3: the last axis", options: { units: 200, activation: "tanh" }, inputs: [["batch", 30, 800]], outputs: [["batch", 30, 200]] },
    { name: "symbolic and unknown leading dims", options: { units: 4 }, inputs: [["b", null, "T", 7]], outputs: [["b", null, "T", 4]] },
    { name: "rank 1", options: { units: 4 }, inputs: [["batch"]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "unknown features", options: { units: 4 }, inputs: [["batch", null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "int input", options: { units: 4 }, inputs: [{ shape: ["batch", 3], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    {
      name: "activity_regularizer (tfjs-layers cannot apply it)",
      options: { units: 4, activity_regularizer: { kind: "regularizer", l1: 0.01, l2: 0 } },
      inputs: [["batch", 3]],
      diagnostic: { code: "NN4006", at: { option: "activity_regularizer" } },
    },
    {
      name: "softmax over one unit warns",
      options: { units: 1, activation: "softmax" },
      inputs: [["batch", 8]],
      outputs: [["batch", 1]],
      diagnostic: { code: "NN5004", at: { option: "activation" } },
    },
  ]);

  it("Dense(200) on 800 features has 160,200 parameters: kernel then bias", () => {
    const run = runLayer("Dense", { units: 200 }, [{ shape: ["batch", 30, 800] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([
      ["kernel", [800, 200], "glorot_uniform"],
      ["bias", [200], "zeros"],
    ]);
    expect(run.params).toBe(160_200);
  });

  it("without a bias has only the kernel", () => {
    expect(runLayer("Dense", { units: 3, use_bias: false }, [{ shape: ["batch", 5] }]).params).toBe(15);
  });

  it("leaves activation none (linear) by default", () => {
    expect(runLayer("Dense", { units: 3 }, [{ shape: ["batch", 5] }]).options.activation).toBeNull();
  });
});

describe("Dropout shapes", () => {
  shapeTable("Dropout", [
    { name: "keeps the shape", options: { rate: 0.3 }, inputs: [["batch", 20, 200]], outputs: [["batch", 20, 200]] },
    { name: "keeps int dtype and symbols", options: { rate: 0.5 }, inputs: [["batch", "T", null]], outputs: [["batch", "T", null]] },
    {
      name: "noise_shape sharing the mask over time",
      options: { rate: 0.3, noise_shape: [null, 1, 200] },
      inputs: [["batch", 20, 200]],
      outputs: [["batch", 20, 200]],
    },
    {
      name: "noise_shape of the wrong length",
      options: { rate: 0.3, noise_shape: [1, 200] },
      inputs: [["batch", 20, 200]],
      diagnostic: { code: "NN3003", at: { option: "noise_shape" } },
    },
    {
      name: "noise_shape that does not divide the input",
      options: { rate: 0.3, noise_shape: [null, 1, 100] },
      inputs: [["batch", 20, 200]],
      diagnostic: { code: "NN3001", at: { option: "noise_shape" } },
    },
    { name: "rate 1", options: { rate: 1 }, inputs: [["batch", 3]], diagnostic: { code: "NN4003", at: { option: "rate" } } },
    { name: "rate is required", options: {}, inputs: [["batch", 3]], diagnostic: { code: "NN4005", at: { option: "rate" } } },
  ]);

  it("has no weights", () => {
    expect(runLayer("Dropout", { rate: 0.3 }, [{ shape: ["batch", 20, 200] }]).params).toBe(0);
  });
});
