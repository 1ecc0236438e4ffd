import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("RepeatVector shapes", () => {
  shapeTable("RepeatVector", [
    { name: "repeats n times", options: { n: 20 }, inputs: [["batch", 64]], outputs: [["batch", 20, 64]] },
    { name: "unknown features", options: { n: 3 }, inputs: [["batch", null]], outputs: [["batch", 3, null]] },
    { name: "rank 3", options: { n: 3 }, inputs: [["batch", 5, 64]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "n 0", options: { n: 0 }, inputs: [["batch", 64]], diagnostic: { code: "NN4003", at: { option: "n" } } },
    { name: "n is required", options: {}, inputs: [["batch", 64]], diagnostic: { code: "NN4005", at: { option: "n" } } },
  ]);

  it("has no weights", () => {
    expect(runLayer("RepeatVector", { n: 2 }, [{ shape: ["batch", 4] }]).params).toBe(0);
  });
});

describe("Flatten shapes", () => {
  shapeTable("Flatten", [
    { name: "rank 3", options: {}, inputs: [["batch", 20, 8]], outputs: [["batch", 160]] },
    { name: "rank 4", options: {}, inputs: [["batch", 2, 3, 4]], outputs: [["batch", 24]] },
    { name: "a symbolic batch", options: {}, inputs: [["b", 2, 3]], outputs: [["b", 6]] },
    { name: "rank 2 (tfjs-layers needs 3)", options: {}, inputs: [["batch", 20]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "an unknown length", options: {}, inputs: [["batch", null, 8]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "a symbolic length", options: {}, inputs: [["batch", "T", 8]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "takes no options", options: { data_format: "channels_last" }, inputs: [["batch", 2, 3]], diagnostic: { code: "NN4001", at: { option: "data_format" } } },
  ]);

  it("names the axis whose size is not known", () => {
    const run = runLayer("Flatten", {}, [{ shape: ["batch", "T", 8], name: "h" }]);
    expect(expectDiagnostic(run, { code: "NN3007", at: { input: 0 } })).toBe(
      "Flatten 'my_flatten' needs every axis but the batch axis as a number (tfjs-layers builds the flat size into the model), but 'h' [batch, T, 8] has T at axis 1",
    );
  });
});

describe("Permute shapes", () => {
  shapeTable("Permute", [
    { name: "swaps time and features", options: { dims: [2, 1] }, inputs: [["batch", "T", 8]], outputs: [["batch", 8, "T"]] },
    { name: "rank 4", options: { dims: [3, 1, 2] }, inputs: [["batch", 2, null, 4]], outputs: [["batch", 4, 2, null]] },
    { name: "identity", options: { dims: [1, 2] }, inputs: [["batch", 3, 4]], outputs: [["batch", 3, 4]] },
    { name: "not a permutation", options: { dims: [1, 1] }, inputs: [["batch", 3, 4]], diagnostic: { code: "NN4003", at: { option: "dims" } } },
    { name: "counts from 1, not 0", options: { dims: [0, 1] }, inputs: [["batch", 3, 4]], diagnostic: { code: "NN4003", at: { option: "dims" } } },
    { name: "a gap", options: { dims: [1, 3] }, inputs: [["batch", 3, 4]], diagnostic: { code: "NN4003", at: { option: "dims" } } },
    { name: "too few axes", options: { dims: [2, 1] }, inputs: [["batch", 3, 4, 5]], diagnostic: { code: "NN3003", at: { option: "dims" } } },
    { name: "dims is required", options: {}, inputs: [["batch", 3, 4]], diagnostic: { code: "NN4005", at: { option: "dims" } } },
  ]);

  it("says which axes it names", () => {
    const run = runLayer("Permute", { dims: [2, 1] }, [{ shape: ["batch", 3, 4, 5], name: "x" }]);
    expect(expectDiagnostic(run, { code: "NN3003", at: { option: "dims" } })).toBe(
      "Permute 'my_permute': dims [2, 1] orders 2 axes, but 'x' [batch, 3, 4, 5] has 3 after the batch axis",
    );
  });
});
