import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const mha = { num_heads: 8, key_dim: 64 };

describe("MultiHeadAttention shapes", () => {
  shapeTable("MultiHeadAttention", [
    { name: "self-attention", options: mha, inputs: [["batch", "T", 512], ["batch", "T", 512]], outputs: [["batch", "T", 512]] },
    { name: "cross-attention: the query's length and features", options: mha, inputs: [["batch", 20, 256], ["batch", 30, 128]], outputs: [["batch", 20, 256]] },
    { name: "a key of its own size", options: mha, inputs: [["batch", 20, 256], ["batch", 30, 128], ["batch", 30, 64]], outputs: [["batch", 20, 256]] },
    { name: "output_shape", options: { ...mha, output_shape: 100 }, inputs: [["batch", 20, 256], ["batch", 30, 128]], outputs: [["batch", 20, 100]] },
    { name: "output_shape of two axes", options: { ...mha, output_shape: [4, 25] }, inputs: [["batch", 20, 256], ["batch", 30, 128]], outputs: [["batch", 20, 4, 25]] },
    {
      name: "return_attention_scores: [batch, heads, Tq, Tv]",
      options: { ...mha, return_attention_scores: true },
      inputs: [["batch", "Tq", 256], ["batch", "Tv", 256]],
      outputs: [["batch", "Tq", 256], ["batch", 8, "Tq", "Tv"]],
    },
    { name: "key and value of different lengths", options: mha, inputs: [["batch", 20, 256], ["batch", 30, 128], ["batch", 31, 128]], diagnostic: { code: "NN3001", at: { input: 2 } } },
    { name: "symbolic key and value lengths that differ", options: mha, inputs: [["batch", "S", 8], ["batch", "T", 8], ["batch", "U", 8]], diagnostic: { code: "NN3008", at: { input: 2 } } },
    { name: "unknown query features", options: mha, inputs: [["batch", 20, null], ["batch", 30, 8]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "unknown key features", options: mha, inputs: [["batch", 20, 8], ["batch", 30, 8], ["batch", 30, null]], diagnostic: { code: "NN3007", at: { input: 2 } } },
    { name: "rank 4", options: mha, inputs: [["batch", 2, 20, 8], ["batch", 2, 30, 8]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "num_heads 0", options: { ...mha, num_heads: 0 }, inputs: [["batch", 20, 8], ["batch", 20, 8]], diagnostic: { code: "NN4003", at: { option: "num_heads" } } },
    { name: "key_dim is required", options: { num_heads: 2 }, inputs: [["batch", 20, 8], ["batch", 20, 8]], diagnostic: { code: "NN4005", at: { option: "key_dim" } } },
  ]);
});

describe("MultiHeadAttention weights", () => {
  it("has Keras's weights, in Keras's order: 2 heads of 2 on 16 features is 284 parameters", () => {
    const run = runLayer("MultiHeadAttention", { num_heads: 2, key_dim: 2 }, [{ shape: ["batch", 8, 16] }, { shape: ["batch", 4, 16] }]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["query/kernel", [16, 2, 2]],
      ["query/bias", [2, 2]],
      ["key/kernel", [16, 2, 2]],
      ["key/bias", [2, 2]],
      ["value/kernel", [16, 2, 2]],
      ["value/bias", [2, 2]],
      ["attention_output/kernel", [2, 2, 16]],
      ["attention_output/bias", [16]],
    ]);
    expect(run.params).toBe(284);
  });

  it("projects query, key and value from their own sizes, values to value_dim", () => {
    const run = runLayer("MultiHeadAttention", { num_heads: 4, key_dim: 8, value_dim: 6, use_bias: false, output_shape: 10 }, [
      { shape: ["batch", 5, 12] },
      { shape: ["batch", 7, 3] },
      { shape: ["batch", 7, 5] },
    ]);
    expect(run.weights?.map((w) => [w.name, w.shape])).toEqual([
      ["query/kernel", [12, 4, 8]],
      ["key/kernel", [5, 4, 8]],
      ["value/kernel", [3, 4, 6]],
      ["attention_output/kernel", [4, 6, 10]],
    ]);
  });

  it("lowers value_dim and output_shape resolved, and call options as constructor options", () => {
    const { options } = runLayer("MultiHeadAttention", { num_heads: 2, key_dim: 4, use_causal_mask: true }, [{ shape: ["b", 3, 8] }, { shape: ["b", 3, 8] }]);
    expect(getLayerDefinition("MultiHeadAttention")!.toTfjs({ name: "mha", options }).config).toMatchObject({
      numHeads: 2,
      keyDim: 4,
      valueDim: 4,
      outputShape: null,
      useCausalMask: true,
      returnAttentionScores: false,
      dropout: 0,
    });
  });

  it("says why key and value must have one length", () => {
    const run = runLayer("MultiHeadAttention", mha, [
      { shape: ["batch", 20, 8], name: "x" },
      { shape: ["batch", 30, 8], name: "memory" },
      { shape: ["batch", 31, 8], name: "keys" },
    ]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { input: 2 } })).toBe(
      "MultiHeadAttention 'my_multiheadattention': each key step scores one value step, but axis 1 of 'keys' [batch, 31, 8] is 31 and axis 1 of 'memory' [batch, 30, 8] is 30 ('memory' defined at 1:3)",
    );
  });
});
