import { describe, expect, it } from "vitest";
import type { Options, Shape } from "../../src/ir/types.js";
import { layerValue, outputShapes, runLayer, type TestInput } from "./harness.js";

/** Applies one layer and returns its single output as the next input, adding its parameters to `total`. */
function chain(total: { params: number }, type: string, options: Options, inputs: TestInput[]): TestInput {
  const run = runLayer(type, options, inputs);
  const [shape] = outputShapes(run) as [Shape];
  total.params += run.params ?? 0;
  return { shape, dtype: run.outputs![0].dtype };
}

describe("the seed notebook's parameter counts", () => {
  const single: [string, string, Options, TestInput, number][] = [
    ["Embedding(1000, 100)", "Embedding", { input_dim: 1000, output_dim: 100, input_length: 20 }, { shape: ["batch", 20], dtype: "int32" }, 100_000],
    ["SimpleRNN(200) on 100", "SimpleRNN", { units: 200, return_sequences: true }, { shape: ["batch", 20, 100] }, 60_200],
    ["LSTM(200) on 100", "LSTM", { units: 200, return_sequences: true }, { shape: ["batch", 20, 100] }, 240_800],
    ["Dense(200) on 800", "Dense", { units: 200, activation: "tanh" }, { shape: ["batch", 30, 800] }, 160_200],
  ];
  it.each(single)("%s", (_, type, options, input, params) => {
    expect(runLayer(type, options, [input]).params).toBe(params);
  });

  it("Bidirectional LSTM(200) on 100", () => {
    const layer = layerValue("LSTM", { units: 200, return_sequences: true });
    expect(runLayer("Bidirectional", { layer }, [{ shape: ["batch", 20, 100] }]).params).toBe(481_600);
  });

  it("the bilstm cell: (32, 20, 200) with merge_mode sum and 581,600 parameters", () => {
    const total = { params: 0 };
    const ids: TestInput = { shape: [32, 20], dtype: "int32" };
    const embedded = chain(total, "Embedding", { input_dim: 1000, output_dim: 100, input_length: 20 }, [ids]);
    const layer = layerValue("LSTM", { units: 200, return_sequences: true });
    const out = chain(total, "Bidirectional", { layer, merge_mode: "sum" }, [embedded]);
    expect(out.shape).toEqual([32, 20, 200]);
    expect(total.params).toBe(581_600);
  });

  it("the attention cell: (32, 30, 200) and 1,223,400 parameters with one shared Embedding", () => {
    const total = { params: 0 };
    const embeddingOptions = { input_dim: 1000, output_dim: 100 };
    const lstm = layerValue("LSTM", { units: 200, return_sequences: true });
    const embedded1 = chain(total, "Embedding", embeddingOptions, [{ shape: ["batch", 20], dtype: "int32" }]);
    const shared = { params: 0 }; // the second application shares the first's weights
    const embedded2 = chain(shared, "Embedding", embeddingOptions, [{ shape: ["batch", 30], dtype: "int32" }]);
    const bilstm1 = chain(total, "Bidirectional", { layer: lstm }, [embedded1]);
    const bilstm2 = chain(total, "Bidirectional", { layer: lstm }, [embedded2]);
    const product = chain(total, "Dot", { axes: 2 }, [bilstm2, bilstm1]);
    expect(product.shape).toEqual(["batch", 30, 20]);
    const a = chain(total, "Activation", { activation: "softmax" }, [product]);
    const c = chain(total, "Dot", { axes: [2, 1] }, [a, bilstm1]);
    expect(c.shape).toEqual(["batch", 30, 400]);
    const joined = chain(total, "Concatenate", {}, [c, bilstm2]);
    expect(joined.shape).toEqual(["batch", 30, 800]);
    const h = chain(total, "Dense", { units: 200, activation: "tanh" }, [joined]);
    expect(h.shape).toEqual(["batch", 30, 200]);
    expect(total.params).toBe(1_223_400);
  });
});
