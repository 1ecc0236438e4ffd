import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

describe("LayerNormalization shapes", () => {
  shapeTable("LayerNormalization", [
    { name: "the last axis", options: {}, inputs: [["batch", "T", 64]], outputs: [["batch", "T", 64]] },
    { name: "rank 2", options: {}, inputs: [["batch", 64]], outputs: [["batch", 64]] },
    { name: "two axes", options: { axis: [1, 2] }, inputs: [["batch", 5, 3]], outputs: [["batch", 5, 3]] },
    { name: "unknown size on the axis", options: {}, inputs: [["batch", 5, null]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "the batch axis", options: { axis: 0 }, inputs: [["batch", 5, 3]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
    { name: "out of range", options: { axis: 3 }, inputs: [["batch", 5, 3]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
    { name: "axes out of order", options: { axis: [2, 1] }, inputs: [["batch", 5, 3]], diagnostic: { code: "NN4003", at: { option: "axis" } } },
    { name: "an axis twice", options: { axis: [-1, 2] }, inputs: [["batch", 5, 3]], diagnostic: { code: "NN4003", at: { option: "axis" } } },
    { name: "rank 5 (tfjs-layers stops at 4)", options: {}, inputs: [["batch", 2, 3, 4, 5]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "epsilon 0", options: { epsilon: 0 }, inputs: [["batch", 3]], diagnostic: { code: "NN4003", at: { option: "epsilon" } } },
  ]);

  it("has gamma then beta over the normalized axes, with Keras's initializers", () => {
    const run = runLayer("LayerNormalization", { axis: [1, 2] }, [{ shape: ["batch", 5, 3] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name, w.trainable])).toEqual([
      ["gamma", [5, 3], "ones", true],
      ["beta", [5, 3], "zeros", true],
    ]);
    expect(runLayer("LayerNormalization", { center: false }, [{ shape: ["batch", 8] }]).weights?.map((w) => w.name)).toEqual(["gamma"]);
    expect(runLayer("LayerNormalization", { scale: false }, [{ shape: ["batch", 8] }]).weights?.map((w) => w.name)).toEqual(["beta"]);
    expect(runLayer("LayerNormalization", {}, [{ shape: ["batch", 8] }]).options).toMatchObject({ axis: -1, epsilon: 1e-3, center: true, scale: true });
  });
});

describe("BatchNormalization shapes", () => {
  shapeTable("BatchNormalization", [
    { name: "the last axis", options: {}, inputs: [["batch", "T", 64]], outputs: [["batch", "T", 64]] },
    { name: "axis 1", options: { axis: 1 }, inputs: [["batch", 5, 3]], outputs: [["batch", 5, 3]] },
    { name: "unknown size on the axis", options: { axis: 1 }, inputs: [["batch", null, 3]], diagnostic: { code: "NN3007", at: { input: 0 } } },
    { name: "the batch axis", options: { axis: -3 }, inputs: [["batch", 5, 3]], diagnostic: { code: "NN3006", at: { option: "axis" } } },
    { name: "rank 1", options: {}, inputs: [["batch"]], diagnostic: { code: "NN3003", at: { input: 0 } } },
    { name: "momentum above 1", options: { momentum: 1.5 }, inputs: [["batch", 3]], diagnostic: { code: "NN4003", at: { option: "momentum" } } },
    { name: "an axis list (tfjs takes one axis)", options: { axis: [1] }, inputs: [["batch", 3]], diagnostic: { code: "NN4002", at: { option: "axis" } } },
  ]);

  it("has gamma, beta, then the moving statistics, which are not trainable", () => {
    const run = runLayer("BatchNormalization", {}, [{ shape: ["batch", 20, 8] }]);
    expect(run.weights?.map((w) => [w.name, w.shape, w.initializer.name, w.trainable])).toEqual([
      ["gamma", [8], "ones", true],
      ["beta", [8], "zeros", true],
      ["moving_mean", [8], "zeros", false],
      ["moving_variance", [8], "ones", false],
    ]);
    expect(run.params).toBe(32);
    const plain = runLayer("BatchNormalization", { center: false, scale: false }, [{ shape: ["batch", 8] }]);
    expect(plain.weights?.map((w) => w.name)).toEqual(["moving_mean", "moving_variance"]);
  });

  it("counts the moving statistics in params but not in trainableParams", () => {
    const source = `model M {
  input x: float32[batch, 20, 8]
  output y = x |> BatchNormalization()
}`;
    const { diagnostics, ir } = check(source, { file: "m.nnspec" });
    expect(diagnostics).toEqual([]);
    expect(ir!.layers[0]).toMatchObject({ type: "BatchNormalization", params: 32, trainableParams: 16 });
  });

  it("names the axis whose size it needs", () => {
    const run = runLayer("BatchNormalization", { axis: 1 }, [{ shape: ["batch", "T", 3], name: "h" }]);
    expect(expectDiagnostic(run, { code: "NN3007", at: { input: 0 } })).toBe(
      "BatchNormalization 'my_batchnormalization' needs the size of each normalized axis as a number (its weights span them), but axis 1 of 'h' [batch, T, 3] is T",
    );
  });
});
