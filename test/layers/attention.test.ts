import { describe, expect, it } from "vitest";
import { getFunctionDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const q = ["batch", 20, 64];
const v = ["batch", 30, 64];

describe.each(["Attention", "AdditiveAttention", "LuongAttention", "ScaledDotProductAttention"])("%s shapes", (type) => {
  shapeTable(type, [
    { name: "query and value", inputs: [q, v], outputs: [["batch", 20, 64]] },
    { name: "a separate key", inputs: [q, ["batch", 30, 16], v], outputs: [["batch", 20, 16]] },
    { name: "symbolic lengths", inputs: [["batch", "Tq", 8], ["batch", "Tv", 8]], outputs: [["batch", "Tq", 8]] },
    { name: "return_attention_scores", options: { return_attention_scores: true }, inputs: [q, v], outputs: [["batch", 20, 64], ["batch", 20, 30]] },
    { name: "a rank-2 query", inputs: [["batch", 64], v], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "int input", inputs: [q, { shape: v, dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 1 } } },
    { name: "key and value of different lengths", inputs: [q, ["batch", 30, 8], ["batch", 31, 64]], diagnostic: { code: "NN3001", at: { input: 2 } } },
    { name: "batch sizes that differ", inputs: [[4, 20, 64], [5, 30, 64]], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "a dropout of 1", options: { dropout: 1 }, inputs: [q, v], diagnostic: { code: "NN4003", at: { option: "dropout" } } },
  ]);
});

describe("query and key sizes", () => {
  shapeTable("Attention", [
    { name: "dot scores need one size", inputs: [["batch", 20, 32], v], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "concat scores too", options: { score_mode: "concat" }, inputs: [q, v, ["batch", 30, 32]], diagnostic: { code: "NN3001", at: { input: 2 } } },
    { name: "unknown sizes are fine without weights", inputs: [["batch", 20, null], v], outputs: [["batch", 20, 64]] },
  ]);
  shapeTable("LuongAttention", [
    { name: "general maps between sizes", inputs: [["batch", 20, 32], v], outputs: [["batch", 20, 64]] },
    { name: "dot does not", options: { score: "dot" }, inputs: [["batch", 20, 32], v], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "general needs known sizes", inputs: [["batch", 20, null], v], diagnostic: { code: "NN3007", at: { input: 0 } } },
  ]);
  shapeTable("AdditiveAttention", [
    { name: "its scale needs a known size", inputs: [["batch", 20, null], ["batch", 30, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "without a scale it does not", options: { use_scale: false }, inputs: [["batch", 20, null], ["batch", 30, null]], outputs: [["batch", 20, null]] },
  ]);
  shapeTable("ScaledDotProductAttention", [
    { name: "[batch, heads, time, features]", inputs: [["batch", 8, "T", 64], ["batch", 8, "T", 64]], outputs: [["batch", 8, "T", 64]] },
    { name: "heads that differ", inputs: [["batch", 8, "T", 64], ["batch", 4, "T", 64]], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "ranks that differ", inputs: [["batch", 8, "T", 64], ["batch", "T", 64]], diagnostic: { code: "NN3003", at: { input: 1 } } },
  ]);
});

describe("attention weights", () => {
  it("Attention has Keras's scalar weights: scale with use_scale, concat_score_weight with concat", () => {
    expect(runLayer("Attention", {}, [{ shape: q }, { shape: v }]).weights).toEqual([]);
    const run = runLayer("Attention", { use_scale: true, score_mode: "concat" }, [{ shape: q }, { shape: v }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([
      ["scale", [], "ones"],
      ["concat_score_weight", [], "ones"],
    ]);
    expect(run.params).toBe(2);
  });

  it("AdditiveAttention has a scale vector the size of the features", () => {
    const run = runLayer("AdditiveAttention", {}, [{ shape: q }, { shape: v }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([["scale", [64], "glorot_uniform"]]);
  });

  it("LuongAttention's general score has a kernel [query features, key features]", () => {
    const run = runLayer("LuongAttention", { kernel_regularizer: { kind: "regularizer", l1: 0, l2: 0.1 } }, [{ shape: ["batch", 20, 32] }, { shape: v }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name, w.regularizer?.l2])).toEqual([["kernel", [32, 64], "glorot_uniform", 0.1]]);
    expect(runLayer("LuongAttention", { score: "dot" }, [{ shape: q }, { shape: v }]).weights).toEqual([]);
  });

  it("explains the size query and key need", () => {
    const run = runLayer("Attention", {}, [{ shape: ["batch", 20, 32], name: "dec" }, { shape: v, name: "enc" }]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { input: 1 } })).toBe(
      "Attention 'my_attention': dot-product scores need query and key vectors of one size, but axis 2 of 'dec' [batch, 20, 32] is 32 and axis 2 of 'enc' [batch, 30, 64] is 64 ('enc' defined at 1:3)",
    );
  });

  it("has a function form, scaled_dot_product_attention(q, v, k)", () => {
    expect(getFunctionDefinition("scaled_dot_product_attention")).toMatchObject({ layer: "ScaledDotProductAttention" });
  });
});
