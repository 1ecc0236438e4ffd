import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Reshape shapes", () => {
  shapeTable("Reshape", [
    { name: "same number of values", options: { target_shape: [6, 2] }, inputs: [["batch", 4, 3]], outputs: [["batch", 6, 2]] },
    { name: "adds an axis", options: { target_shape: [4, 3, 1] }, inputs: [["batch", 12]], outputs: [["batch", 4, 3, 1]] },
    { name: "-1 of known sizes stays unknown, as tfjs builds it", options: { target_shape: [-1, 2] }, inputs: [["batch", 4, 3]], outputs: [["batch", null, 2]] },
    { name: "-1 keeps a symbolic length it divides", options: { target_shape: [-1, 8, 64] }, inputs: [["batch", "T", 512]], outputs: [["batch", "T", 8, 64]] },
    { name: "-1 doubles a symbolic length", options: { target_shape: [-1, 2] }, inputs: [["batch", "T", 4]], outputs: [["batch", "2*T", 2]] },
    { name: "-1 that does not divide a symbol exactly", options: { target_shape: [-1, 3] }, inputs: [["batch", "T", 4]], outputs: [["batch", null, 3]] },
    { name: "-1 with two symbols", options: { target_shape: [-1] }, inputs: [["batch", "T", "U"]], outputs: [["batch", null]] },
    { name: "unknown sizes: nothing to check", options: { target_shape: [5, 7] }, inputs: [["batch", null, 3]], outputs: [["batch", 5, 7]] },
    { name: "merges a symbolic length back", options: { target_shape: [-1, 512] }, inputs: [["batch", "T", 8, 64]], outputs: [["batch", "T", 512]] },
    { name: "keeps the dtype", options: { target_shape: [2, 2] }, inputs: [{ shape: ["batch", 4], dtype: "int32" }], outputs: [["batch", 2, 2]] },
    { name: "too many values", options: { target_shape: [5, 2] }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN3001", at: { option: "target_shape" } } },
    { name: "-1 that cannot divide", options: { target_shape: [-1, 5] }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN3001", at: { option: "target_shape" } } },
    { name: "a symbolic count against a number", options: { target_shape: [12] }, inputs: [["batch", "T", 3]], diagnostic: { code: "NN3008", at: { option: "target_shape" } } },
    { name: "two -1", options: { target_shape: [-1, -1] }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN4003", at: { option: "target_shape" } } },
    { name: "a zero", options: { target_shape: [0, 12] }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN4003", at: { option: "target_shape" } } },
    { name: "below -1", options: { target_shape: [-2, 6] }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN4003", at: { option: "target_shape" } } },
    { name: "not a list", options: { target_shape: 12 }, inputs: [["batch", 4, 3]], diagnostic: { code: "NN4002", at: { option: "target_shape" } } },
    { name: "target_shape is required", options: {}, inputs: [["batch", 4, 3]], diagnostic: { code: "NN4005", at: { option: "target_shape" } } },
  ]);

  it("says how many values each side holds", () => {
    const run = runLayer("Reshape", { target_shape: [5, 2] }, [{ shape: ["batch", 4, 3], name: "x" }]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { option: "target_shape" } })).toBe(
      "Reshape 'my_reshape': target_shape [5, 2] holds 10 values per example, but 'x' [batch, 4, 3] has 12",
    );
  });

  it("lowers target_shape as given, -1 included", () => {
    const lowered = getLayerDefinition("Reshape")!.toTfjs({ name: "r", options: { target_shape: [-1, 2] } });
    expect(lowered).toEqual({ className: "Reshape", config: { name: "r", targetShape: [-1, 2] } });
  });
});
