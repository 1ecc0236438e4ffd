import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe.each(["MaxPooling1D", "AveragePooling1D"])("%s shapes", (type) => {
  shapeTable(type, [
    { name: "pool 2 by default", options: {}, inputs: [["batch", 10, 8]], outputs: [["batch", 5, 8]] },
    { name: "odd length, valid", options: {}, inputs: [["batch", 11, 8]], outputs: [["batch", 5, 8]] },
    { name: "odd length, same", options: { padding: "same" }, inputs: [["batch", 11, 8]], outputs: [["batch", 6, 8]] },
    { name: "overlapping windows", options: { pool_size: 3, strides: 1 }, inputs: [["batch", 10, 8]], outputs: [["batch", 8, 8]] },
    { name: "positional pool_size and strides", options: { pool_size: [4], strides: [2] }, inputs: [["batch", 10, 8]], outputs: [["batch", 4, 8]] },
    { name: "symbolic length, stride 1", options: { pool_size: 3, strides: 1 }, inputs: [["batch", "T", 8]], outputs: [["batch", "T - 2", 8]] },
    { name: "symbolic length, stride 2", options: {}, inputs: [["batch", "T", 8]], outputs: [["batch", null, 8]] },
    { name: "a pool longer than the input", options: { pool_size: 12 }, inputs: [["batch", 10, 8]], diagnostic: { code: "NN3001", at: { input: 0 } } },
    { name: "rank 4", options: {}, inputs: [["batch", 10, 8, 2]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "padding causal", options: { padding: "causal" }, inputs: [["batch", 10, 8]], diagnostic: { code: "NN4004", at: { option: "padding" } } },
    { name: "strides 0", options: { strides: 0 }, inputs: [["batch", 10, 8]], diagnostic: { code: "NN4003", at: { option: "strides" } } },
    { name: "pool_size of two", options: { pool_size: [2, 2] }, inputs: [["batch", 10, 8]], diagnostic: { code: "NN4002", at: { option: "pool_size" } } },
  ]);

  it("lowers strides none as none (tfjs then uses the pool size, as Keras does)", () => {
    const { options } = runLayer(type, {}, [{ shape: ["b", 4, 2] }]);
    expect(getLayerDefinition(type)!.toTfjs({ name: "p", options })).toEqual({
      className: type,
      config: { name: "p", poolSize: 2, strides: null, padding: "valid" },
    });
  });
});

describe.each(["GlobalMaxPooling1D", "GlobalAveragePooling1D"])("%s shapes", (type) => {
  shapeTable(type, [
    { name: "over all steps", options: {}, inputs: [["batch", "T", 8]], outputs: [["batch", 8]] },
    { name: "unknown features stay unknown", options: {}, inputs: [["batch", 10, null]], outputs: [["batch", null]] },
    { name: "rank 2", options: {}, inputs: [["batch", 8]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "int input", options: {}, inputs: [{ shape: ["batch", 4, 2], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    { name: "keepdims is not supported", options: { keepdims: true }, inputs: [["batch", 4, 2]], diagnostic: { code: "NN4001", at: { option: "keepdims" } } },
  ]);
});
