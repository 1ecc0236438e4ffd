import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Concatenate shapes", () => {
  shapeTable("Concatenate", [
    { name: "last axis", inputs: [["batch", 30, 400], ["batch", 30, 400]], outputs: [["batch", 30, 800]] },
    { name: "three inputs", inputs: [["batch", 2], ["batch", 3], ["batch", 4]], outputs: [["batch", 9]] },
    { name: "along time, symbolic sum", options: { axis: 1 }, inputs: [["b", "T1", 8], ["b", "T2", 8]], outputs: [["b", "T1 + T2", 8]] },
    { name: "sum with unknown is unknown", options: { axis: 1 }, inputs: [["b", "T", 8], ["b", null, 8]], outputs: [["b", null, 8]] },
    { name: "unknown off-axis takes the known dim", inputs: [["b", null, 2], ["b", 30, 3]], outputs: [["b", 30, 5]] },
    { name: "negative axis", options: { axis: -2 }, inputs: [["b", 3, 8], ["b", 4, 8]], outputs: [["b", 7, 8]] },
    { name: "int tensors", inputs: [{ shape: ["b", 3], dtype: "int32" }, { shape: ["b", 4], dtype: "int32" }], outputs: [["b", 7]] },
    { name: "off-axis sizes differ", inputs: [["batch", 30, 400], ["batch", 20, 400]], diagnostic: { code: "NN3011", at: { input: 1 } } },
    { name: "off-axis symbols differ", inputs: [["batch", "T1", 4], ["batch", "T2", 4]], diagnostic: { code: "NN3008", at: { input: 1 } } },
    { name: "third input differs", inputs: [["b", 3, 1], ["b", 3, 1], ["b", 4, 1]], diagnostic: { code: "NN3011", at: { input: 2 } } },
    { name: "ranks differ", inputs: [["b", 3, 1], ["b", 3]], diagnostic: { code: "NN3003", at: { input: 1 } } },
    { name: "dtypes differ", inputs: [["b", 3], { shape: ["b", 3], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 1 } } },
    { name: "batch axis", options: { axis: 0 }, inputs: [["b", 3], ["b", 3]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
    { name: "axis out of range", options: { axis: 2 }, inputs: [["b", 3], ["b", 3]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
  ]);
});

describe("Concatenate messages", () => {
  it("names the axis, both tensors and their shapes", () => {
    const run = runLayer("Concatenate", {}, [
      { shape: ["batch", 30, 400], name: "c", line: 3 },
      { shape: ["batch", 20, 400], name: "bilstm1", line: 14 },
    ]);
    expect(expectDiagnostic(run, { code: "NN3011", at: { input: 1 } })).toBe(
      "Concatenate 'my_concatenate' joins along axis 2, so the other axes must match, but axis 1 of 'c' [batch, 30, 400] is 30 and axis 1 of 'bilstm1' [batch, 20, 400] is 20 ('c' defined at 3:3)",
    );
  });

  it("names the input a known dim came from", () => {
    const run = runLayer("Concatenate", {}, [
      { shape: ["b", null, 1], name: "a" },
      { shape: ["b", 3, 1], name: "known" },
      { shape: ["b", 4, 1], name: "late" },
    ]);
    expect(expectDiagnostic(run, { code: "NN3011", at: { input: 2 } })).toContain("axis 1 of 'known' [b, 3, 1] is 3 and axis 1 of 'late'");
  });
});
