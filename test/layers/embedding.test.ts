import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const ids = (shape: (number | string | null)[]) => ({ shape, dtype: "int32" as const, name: "x" });

describe("Embedding shapes", () => {
  shapeTable("Embedding", [
    { name: "appends output_dim", options: { input_dim: 1000, output_dim: 100 }, inputs: [ids(["batch", 20])], outputs: [["batch", 20, 100]] },
    { name: "symbolic time", options: { input_dim: 1000, output_dim: 8 }, inputs: [ids(["batch", "T"])], outputs: [["batch", "T", 8]] },
    { name: "unknown time stays unknown", options: { input_dim: 10, output_dim: 8 }, inputs: [ids(["batch", null])], outputs: [["batch", null, 8]] },
    { name: "rank 3 ids", options: { input_dim: 10, output_dim: 4 }, inputs: [ids(["batch", 5, 3])], outputs: [["batch", 5, 3, 4]] },
    {
      name: "input_length matches",
      options: { input_dim: 1000, output_dim: 100, input_length: 20 },
      inputs: [ids(["batch", 20])],
      outputs: [["batch", 20, 100]],
    },
    {
      name: "input_length fills an unknown time dim",
      options: { input_dim: 1000, output_dim: 100, input_length: 20 },
      inputs: [ids(["batch", null])],
      outputs: [["batch", 20, 100]],
    },
    {
      name: "input_length differs",
      options: { input_dim: 1000, output_dim: 100, input_length: 30 },
      inputs: [ids(["batch", 20])],
      diagnostic: { code: "NN3001", at: { option: "input_length" } },
    },
    {
      name: "input_length against a symbol",
      options: { input_dim: 1000, output_dim: 100, input_length: 30 },
      inputs: [ids(["batch", "T"])],
      diagnostic: { code: "NN3008", at: { option: "input_length" } },
    },
    {
      name: "input_length needs [batch, time]",
      options: { input_dim: 10, output_dim: 4, input_length: 5 },
      inputs: [ids(["batch", 5, 3])],
      diagnostic: { code: "NN3003", at: { option: "input_length" } },
    },
    {
      name: "activity_regularizer (tfjs-layers cannot apply it)",
      options: { input_dim: 10, output_dim: 4, activity_regularizer: { kind: "regularizer", l1: 0.01, l2: 0 } },
      inputs: [ids(["batch", 20])],
      diagnostic: { code: "NN4006", at: { option: "activity_regularizer" } },
    },
    { name: "float ids", options: { input_dim: 10, output_dim: 4 }, inputs: [["batch", 20]], diagnostic: { code: "NN3004", at: { input: 0 } } },
    {
      name: "bool ids",
      options: { input_dim: 10, output_dim: 4 },
      inputs: [{ shape: ["batch", 20], dtype: "bool" }],
      diagnostic: { code: "NN3004", at: { input: 0 } },
    },
  ]);
});

describe("Embedding details", () => {
  it("names the layer, the tensor, its dtype and shape when the ids are not integers", () => {
    const run = runLayer("Embedding", { input_dim: 1000, output_dim: 100 }, [{ shape: ["batch", 20], name: "x" }]);
    const message = expectDiagnostic(run, { code: "NN3004", at: { input: 0 } });
    expect(message).toBe("Embedding 'my_embedding' needs integer token IDs, but 'x' is float32 [batch, 20]");
  });

  it("reports both lengths when input_length disagrees", () => {
    const run = runLayer("Embedding", { input_dim: 1000, output_dim: 100, input_length: 30 }, [ids(["batch", 20])]);
    const message = expectDiagnostic(run, { code: "NN3001", at: { option: "input_length" } });
    expect(message).toContain("input_length=30");
    expect(message).toContain("length 20");
  });

  it("has one weight, embeddings [input_dim, output_dim], initialised uniform in ±0.05", () => {
    const run = runLayer("Embedding", { input_dim: 1000, output_dim: 100 }, [ids(["batch", 20])]);
    expect(run.weights).toEqual([
      { name: "embeddings", shape: [1000, 100], initializer: { name: "random_uniform", minval: -0.05, maxval: 0.05 }, trainable: true },
    ]);
    expect(run.params).toBe(100_000);
  });

  it("records the regularizer on the weight", () => {
    const l2 = { kind: "regularizer" as const, l1: 0, l2: 0.01 };
    const run = runLayer("Embedding", { input_dim: 10, output_dim: 4, embeddings_regularizer: l2 }, [ids(["batch", 3])]);
    expect(run.weights?.[0].regularizer).toEqual(l2);
  });
});
