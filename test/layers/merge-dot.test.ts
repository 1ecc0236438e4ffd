import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Dot shapes", () => {
  shapeTable("Dot", [
    { name: "attention scores", options: { axes: 2 }, inputs: [["batch", 30, 400], ["batch", 20, 400]], outputs: [["batch", 30, 20]] },
    { name: "context vectors", options: { axes: [2, 1] }, inputs: [["batch", 30, 20], ["batch", 20, 400]], outputs: [["batch", 30, 400]] },
    { name: "negative axes", options: { axes: -1 }, inputs: [["batch", 30, 8], ["batch", 20, 8]], outputs: [["batch", 30, 20]] },
    { name: "negative axes pair", options: { axes: [-1, -2] }, inputs: [["batch", 30, 20], ["batch", 20, 8]], outputs: [["batch", 30, 8]] },
    { name: "two vectors give [batch, 1]", options: { axes: 1 }, inputs: [["batch", 5], ["batch", 5]], outputs: [["batch", 1]] },
    { name: "vector and matrix", options: { axes: [1, 1] }, inputs: [["batch", 5], ["batch", 5, 7]], outputs: [["batch", 7]] },
    { name: "symbolic lengths", options: { axes: 2 }, inputs: [["b", "T2", 8], ["b", "T1", 8]], outputs: [["b", "T2", "T1"]] },
    { name: "unknown contracted dim", options: { axes: 2 }, inputs: [["b", 3, null], ["b", 4, 8]], outputs: [["b", 3, 4]] },
    {
      name: "contracted sizes differ",
      options: { axes: 2 },
      inputs: [["batch", 30, 400], ["batch", 20, 200]],
      diagnostic: { code: "NN3002", at: { input: 0 } },
    },
    {
      name: "contracted symbols differ",
      options: { axes: 1 },
      inputs: [["batch", "T1", 4], ["batch", "T2", 4]],
      diagnostic: { code: "NN3008", at: { input: 0 } },
    },
    { name: "batch sizes differ", options: { axes: 1 }, inputs: [[2, 3], [4, 3]], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "batch axis", options: { axes: 0 }, inputs: [["batch", 3], ["batch", 3]], diagnostic: { code: "NN3006", at: { option: "axes" } } },
    { name: "axis out of range", options: { axes: [3, 1] }, inputs: [["batch", 3, 4], ["batch", 4]], diagnostic: { code: "NN3006", at: { option: "axes" } } },
    { name: "rank 4", options: { axes: 3 }, inputs: [["batch", 2, 3, 4], ["batch", 2, 3, 4]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "int input", options: { axes: 1 }, inputs: [["batch", 3], { shape: ["batch", 3], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 1 } } },
    { name: "axes required", options: {}, inputs: [["batch", 3], ["batch", 3]], diagnostic: { code: "NN4005", at: { option: "axes" } } },
    { name: "axes list of 3", options: { axes: [1, 2, 3] }, inputs: [["batch", 3], ["batch", 3]], diagnostic: { code: "NN4002", at: { option: "axes" } } },
  ]);
});

describe("Dot messages", () => {
  it("names both tensors, both sizes and where the other came from", () => {
    const run = runLayer("Dot", { axes: 2 }, [
      { shape: ["batch", 30, 400], name: "bilstm2", line: 15 },
      { shape: ["batch", 20, 200], name: "bilstm1", line: 14 },
    ]);
    const message = expectDiagnostic(run, { code: "NN3002", at: { input: 0 } });
    expect(message).toBe(
      "Dot 'my_dot': axis 2 of 'bilstm2' [batch, 30, 400] is 400 but axis 2 of 'bilstm1' [batch, 20, 200] is 200 ('bilstm1' defined at 14:3)",
    );
  });

  it("suggests a where clause when symbols differ", () => {
    const run = runLayer("Dot", { axes: 1 }, [{ shape: ["batch", "T1", 4] }, { shape: ["batch", "T2", 4] }]);
    expect(expectDiagnostic(run, { code: "NN3008", at: { input: 0 } })).toContain("'where T1 == T2'");
  });
});
