import { describe, expect, it } from "vitest";
import { runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("PositionEmbedding shapes", () => {
  shapeTable("PositionEmbedding", [
    { name: "the input's shape", options: { sequence_length: 512 }, inputs: [["batch", 128, 64]], outputs: [["batch", 128, 64]] },
    { name: "symbolic length", options: { sequence_length: 512 }, inputs: [["batch", "T", 64]], outputs: [["batch", "T", 64]] },
    { name: "as long as sequence_length", options: { sequence_length: 128 }, inputs: [["batch", 128, 64]], outputs: [["batch", 128, 64]] },
    { name: "longer than sequence_length", options: { sequence_length: 100 }, inputs: [["batch", 128, 64]], diagnostic: { code: "NN3001", at: { option: "sequence_length" } } },
    { name: "unknown features", options: { sequence_length: 100 }, inputs: [["batch", 10, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "token ids (embed them first)", options: { sequence_length: 100 }, inputs: [{ shape: ["batch", 10, 1], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    { name: "rank 2", options: { sequence_length: 100 }, inputs: [["batch", 10]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "sequence_length is required", options: {}, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4005", at: { option: "sequence_length" } } },
  ]);

  it("has one learned vector per position: embeddings [sequence_length, features]", () => {
    const run = runLayer("PositionEmbedding", { sequence_length: 512 }, [{ shape: ["batch", "T", 64] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([["embeddings", [512, 64], "glorot_uniform"]]);
  });
});

describe("SinePositionEncoding shapes", () => {
  shapeTable("SinePositionEncoding", [
    { name: "the input's shape", options: {}, inputs: [["batch", "T", 64]], outputs: [["batch", "T", 64]] },
    { name: "unknown features are fine: nothing is learned", options: {}, inputs: [["batch", null, null]], outputs: [["batch", null, null]] },
    { name: "rank 4", options: {}, inputs: [["batch", 2, 3, 4]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "max_wavelength 0", options: { max_wavelength: 0 }, inputs: [["batch", 3, 4]], diagnostic: { code: "NN4003", at: { option: "max_wavelength" } } },
  ]);

  it("has no weights and keras_nlp's default wavelength", () => {
    const run = runLayer("SinePositionEncoding", {}, [{ shape: ["batch", 3, 4] }]);
    expect(run.params).toBe(0);
    expect(run.options.max_wavelength).toBe(10000);
  });
});
