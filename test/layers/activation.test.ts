import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Activation shapes", () => {
  shapeTable("Activation", [
    { name: "softmax keeps the shape", options: { activation: "softmax" }, inputs: [["batch", 20, 5]], outputs: [["batch", 20, 5]] },
    { name: "relu on symbols", options: { activation: "relu" }, inputs: [["b", "T", null]], outputs: [["b", "T", null]] },
    {
      name: "softmax over a size-1 last axis warns",
      options: { activation: "softmax" },
      inputs: [["batch", 20, 1]],
      outputs: [["batch", 20, 1]],
      diagnostic: { code: "NN5004", at: { option: "activation" } },
    },
    { name: "int input", options: { activation: "relu" }, inputs: [{ shape: ["batch", 3], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    { name: "unknown activation", options: { activation: "rleu" }, inputs: [["batch", 3]], diagnostic: { code: "NN4004", at: { option: "activation" } } },
  ]);

  it("words the size-1 softmax warning with the axis", () => {
    const run = runLayer("Activation", { activation: "softmax" }, [{ shape: ["batch", 20, 1] }]);
    const message = expectDiagnostic(run, { code: "NN5004", at: { option: "activation" } });
    expect(message).toBe("Activation 'my_activation': softmax over axis 2 of size 1 always gives 1.0");
  });

  it("does not warn for a size-1 axis that softmax does not run over", () => {
    const run = runLayer("Activation", { activation: "softmax" }, [{ shape: ["batch", 1, 5] }]);
    expect(run.diagnostics).toEqual([]);
  });
});

describe("Softmax shapes", () => {
  shapeTable("Softmax", [
    { name: "default last axis", inputs: [["batch", 30, 20]], outputs: [["batch", 30, 20]] },
    { name: "axis 1", options: { axis: 1 }, inputs: [["batch", 30, 20]], outputs: [["batch", 30, 20]] },
    {
      name: "axis of size 1",
      options: { axis: 1 },
      inputs: [["batch", 1, 20]],
      outputs: [["batch", 1, 20]],
      diagnostic: { code: "NN5004", at: { option: "axis" } },
    },
    { name: "axis out of range", options: { axis: 3 }, inputs: [["batch", 30, 20]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
    { name: "negative axis out of range", options: { axis: -4 }, inputs: [["batch", 30, 20]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
  ]);
});
