import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("GRU shapes", () => {
  shapeTable("GRU", [
    { name: "last output only", options: { units: 32 }, inputs: [["batch", 20, 100]], outputs: [["batch", 32]] },
    { name: "return_sequences", options: { units: 32, return_sequences: true }, inputs: [["batch", "T", 100]], outputs: [["batch", "T", 32]] },
    { name: "unknown time", options: { units: 8, return_sequences: true }, inputs: [["batch", null, 3]], outputs: [["batch", null, 8]] },
    { name: "return_state gives output and h", options: { units: 16, return_state: true }, inputs: [["batch", 20, 3]], outputs: [["batch", 16], ["batch", 16]] },
    {
      name: "return_sequences and return_state",
      options: { units: 16, return_sequences: true, return_state: true, go_backwards: true },
      inputs: [["b", 20, 3]],
      outputs: [["b", 20, 16], ["b", 16]],
    },
    { name: "rank 2 input", options: { units: 8 }, inputs: [["batch", 20]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "unknown features", options: { units: 8 }, inputs: [["batch", 20, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "token ids", options: { units: 8 }, inputs: [{ shape: ["batch", 20, 1], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    { name: "reset_after=true", options: { units: 8, reset_after: true }, inputs: [["batch", 20, 3]], diagnostic: { code: "NN4006", at: { option: "reset_after" } } },
    { name: "stateful", options: { units: 8, stateful: true }, inputs: [["batch", 20, 3]], diagnostic: { code: "NN4006", at: { option: "stateful" } } },
  ]);
});

describe("GRU weights and options", () => {
  it("GRU(32) on 100 features has three gate blocks and one bias: 12,864 parameters (Keras's reset_after=true would have 12,960)", () => {
    const run = runLayer("GRU", { units: 32 }, [{ shape: ["batch", 20, 100] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([
      ["kernel", [100, 96], "glorot_uniform"],
      ["recurrent_kernel", [32, 96], "orthogonal"],
      ["bias", [96], "zeros"],
    ]);
    expect(run.params).toBe(3 * 32 * (100 + 32 + 1));
  });

  it("defaults reset_after to false and recurrent_activation to Keras's sigmoid, both spelled out for tfjs", () => {
    const run = runLayer("GRU", { units: 4 }, [{ shape: ["batch", 2, 3] }]);
    expect(run.options).toMatchObject({ reset_after: false, recurrent_activation: "sigmoid", activation: "tanh" });
    const { className, config } = getLayerDefinition("GRU")!.toTfjs({ name: "gru", options: run.options });
    expect(className).toBe("GRU");
    expect(config).toMatchObject({ recurrentActivation: "sigmoid", resetAfter: false, goBackwards: false, returnState: false });
  });

  it("explains why reset_after=true cannot be built", () => {
    const run = runLayer("GRU", { units: 4, reset_after: true }, [{ shape: ["batch", 2, 3] }]);
    const message = expectDiagnostic(run, { code: "NN4006", at: { option: "reset_after" } });
    expect(message).toContain("reset_after=true (Keras's default) is not supported: tfjs-layers implements only the original GRU");
  });

  it("can be wrapped in Bidirectional, with Keras's weight names", () => {
    const gru = { kind: "layer" as const, type: "GRU", options: runLayer("GRU", { units: 4, return_state: true }, [{ shape: ["b", 2, 3] }]).options };
    const run = runLayer("Bidirectional", { layer: gru }, [{ shape: ["batch", 5, 3] }]);
    expect(run.outputs?.map((o) => o.shape)).toEqual([["batch", 8], ["batch", 4], ["batch", 4]]);
    expect(run.weights?.map((w) => w.name)).toEqual([
      "forward_gru/kernel",
      "forward_gru/recurrent_kernel",
      "forward_gru/bias",
      "backward_gru/kernel",
      "backward_gru/recurrent_kernel",
      "backward_gru/bias",
    ]);
  });
});
