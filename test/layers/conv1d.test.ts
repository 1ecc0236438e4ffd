import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("Conv1D shapes (Keras's conv_output_length)", () => {
  shapeTable("Conv1D", [
    { name: "valid", options: { filters: 64, kernel_size: 3 }, inputs: [["batch", 100, 32]], outputs: [["batch", 98, 64]] },
    { name: "same", options: { filters: 64, kernel_size: 3, padding: "same" }, inputs: [["batch", 100, 32]], outputs: [["batch", 100, 64]] },
    { name: "causal", options: { filters: 64, kernel_size: 3, padding: "causal" }, inputs: [["batch", 100, 32]], outputs: [["batch", 100, 64]] },
    { name: "valid, stride 2", options: { filters: 8, kernel_size: 3, strides: 2 }, inputs: [["batch", 10, 4]], outputs: [["batch", 4, 8]] },
    { name: "same, stride 3", options: { filters: 8, kernel_size: 3, strides: 3, padding: "same" }, inputs: [["batch", 10, 4]], outputs: [["batch", 4, 8]] },
    { name: "causal, stride 2", options: { filters: 8, kernel_size: 2, strides: 2, padding: "causal" }, inputs: [["batch", 9, 4]], outputs: [["batch", 5, 8]] },
    { name: "valid, dilation 2", options: { filters: 8, kernel_size: 3, dilation_rate: 2 }, inputs: [["batch", 10, 4]], outputs: [["batch", 6, 8]] },
    { name: "kernel_size as a list of one", options: { filters: 8, kernel_size: [5] }, inputs: [["batch", 10, 4]], outputs: [["batch", 6, 8]] },
    { name: "a kernel as long as the input", options: { filters: 8, kernel_size: 10 }, inputs: [["batch", 10, 4]], outputs: [["batch", 1, 8]] },
    { name: "symbolic length, valid", options: { filters: 8, kernel_size: 3 }, inputs: [["batch", "T", 4]], outputs: [["batch", "T - 2", 8]] },
    { name: "symbolic length, same", options: { filters: 8, kernel_size: 3, padding: "same" }, inputs: [["batch", "T", 4]], outputs: [["batch", "T", 8]] },
    { name: "symbolic length, stride 2: not exact", options: { filters: 8, kernel_size: 3, strides: 2 }, inputs: [["batch", "T", 4]], outputs: [["batch", null, 8]] },
    { name: "unknown length", options: { filters: 8, kernel_size: 3 }, inputs: [["batch", null, 4]], outputs: [["batch", null, 8]] },
    { name: "a kernel longer than the input", options: { filters: 8, kernel_size: 11 }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN3001", at: { input: 0 } } },
    { name: "dilated past the input", options: { filters: 8, kernel_size: 4, dilation_rate: 4 }, inputs: [["batch", 12, 4]], diagnostic: { code: "NN3001", at: { input: 0 } } },
    { name: "strides and dilation", options: { filters: 8, kernel_size: 3, strides: 2, dilation_rate: 2 }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4006", at: { option: "dilation_rate" } } },
    { name: "rank 2", options: { filters: 8, kernel_size: 3 }, inputs: [["batch", 10]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "unknown channels", options: { filters: 8, kernel_size: 3 }, inputs: [["batch", 10, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "token ids", options: { filters: 8, kernel_size: 3 }, inputs: [{ shape: ["batch", 10, 1], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 0 } } },
    { name: "padding full", options: { filters: 8, kernel_size: 3, padding: "full" }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4004", at: { option: "padding" } } },
    { name: "kernel_size 0", options: { filters: 8, kernel_size: 0 }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4003", at: { option: "kernel_size" } } },
    { name: "kernel_size of two", options: { filters: 8, kernel_size: [3, 3] }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4002", at: { option: "kernel_size" } } },
    { name: "strides of none", options: { filters: 8, kernel_size: 3, strides: [] }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4002", at: { option: "strides" } } },
    { name: "kernel_size is required", options: { filters: 8 }, inputs: [["batch", 10, 4]], diagnostic: { code: "NN4005", at: { option: "kernel_size" } } },
    {
      name: "activity_regularizer",
      options: { filters: 8, kernel_size: 3, activity_regularizer: { kind: "regularizer", l1: 0, l2: 0.01 } },
      inputs: [["batch", 10, 4]],
      diagnostic: { code: "NN4006", at: { option: "activity_regularizer" } },
    },
  ]);
});

describe("Conv1D weights and lowering", () => {
  it("Conv1D(64, 3) on 32 channels: kernel [3, 32, 64] and bias, 6,208 parameters", () => {
    const run = runLayer("Conv1D", { filters: 64, kernel_size: 3 }, [{ shape: ["batch", 100, 32] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name])).toEqual([
      ["kernel", [3, 32, 64], "glorot_uniform"],
      ["bias", [64], "zeros"],
    ]);
    expect(run.params).toBe(6_208);
    expect(runLayer("Conv1D", { filters: 64, kernel_size: 3, use_bias: false }, [{ shape: ["batch", 100, 32] }]).params).toBe(6_144);
  });

  it("lowers valid and same to tfjs's Conv1D, causal to nnspec's CausalConv1D", () => {
    const lower = (padding: string) => {
      const { options } = runLayer("Conv1D", { filters: 2, kernel_size: [3], padding }, [{ shape: ["b", 9, 1] }]);
      return getLayerDefinition("Conv1D")!.toTfjs({ name: "c", options });
    };
    expect(lower("same")).toMatchObject({ className: "Conv1D", config: { kernelSize: 3, padding: "same", strides: 1, dilationRate: 1 } });
    const causal = lower("causal");
    expect(causal.className).toBe("CausalConv1D");
    expect(causal.config).not.toHaveProperty("padding");
  });

  it("asks for one size in a list", () => {
    const run = runLayer("Conv1D", { filters: 8, kernel_size: [3, 3] }, [{ shape: ["batch", 10, 4] }]);
    expect(expectDiagnostic(run, { code: "NN4002", at: { option: "kernel_size" } })).toBe(
      "Conv1D 'my_conv1d': kernel_size takes one size (the layer is 1-D), received [3, 3]",
    );
  });

  it("says how far the kernel reaches", () => {
    const run = runLayer("Conv1D", { filters: 8, kernel_size: 4, dilation_rate: 4 }, [{ shape: ["batch", 12, 4], name: "x" }]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { input: 0 } })).toBe(
      `Conv1D 'my_conv1d': the kernel spans 13 steps, more than the 12 of 'x' [batch, 12, 4]; use padding="same" or a shorter kernel`,
    );
  });
});
