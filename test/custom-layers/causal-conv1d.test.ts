import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Options } from "../../src/ir/types.js";
import { disposeRun, maxDifference, runCustomLayer, setUpCustomLayers } from "./custom-layer-run.js";

/**
 * Conv1D with padding "causal" (nnspec's CausalConv1D) computes Keras's causal convolution,
 * within 1e-5: out[t] = b + Σ_j x[t·stride − (k − 1 − j)·dilation] · W[j], with x zero before
 * the start, written tap by tap here.
 */

const TOLERANCE = 1e-5;

beforeAll(setUpCustomLayers);

function reference(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor | null, stride: number, dilation: number): tf.Tensor {
  const [batch, steps, channels] = x.shape;
  const [size, , filters] = kernel.shape;
  const outSteps = Math.ceil(steps / stride);
  const rows: tf.Tensor[] = [];
  for (let t = 0; t < outSteps; t++) {
    let sum: tf.Tensor = bias ? tf.broadcastTo(bias, [batch, filters]) : tf.zeros([batch, filters]);
    for (let j = 0; j < size; j++) {
      const source = t * stride - (size - 1 - j) * dilation;
      if (source < 0) continue;
      const step = tf.reshape(tf.slice(x, [0, source, 0], [batch, 1, channels]), [batch, channels]);
      sum = tf.add(sum, tf.matMul(step as tf.Tensor2D, tf.reshape(tf.slice(kernel, [j, 0, 0], [1, channels, filters]), [channels, filters]) as tf.Tensor2D));
    }
    rows.push(sum);
  }
  return tf.stack(rows, 1);
}

describe("Conv1D with causal padding", () => {
  it.each([
    ["kernel 3", { filters: 4, kernel_size: 3 }, 1, 1],
    ["dilation 2", { filters: 3, kernel_size: 3, dilation_rate: 2 }, 1, 2],
    ["stride 2, odd length", { filters: 2, kernel_size: 2, strides: 2 }, 2, 1],
    ["no bias", { filters: 2, kernel_size: 4, use_bias: false }, 1, 1],
  ] as [string, Options, number, number][])("%s", (_, options, stride, dilation) => {
    const run = runCustomLayer("Conv1D", { ...options, padding: "causal" }, [[2, 9, 3]]);
    const [kernel, bias = null] = run.weights;
    const expected = reference(run.inputs[0] as tf.Tensor3D, kernel as tf.Tensor3D, bias, stride, dilation);
    expect(maxDifference(run.outputs[0], expected)).toBeLessThan(TOLERANCE);
    disposeRun(run);
  });

  it("applies its activation after the bias", () => {
    const run = runCustomLayer("Conv1D", { filters: 2, kernel_size: 2, padding: "causal", activation: "relu" }, [[1, 5, 3]]);
    const [kernel, bias] = run.weights;
    const expected = tf.relu(reference(run.inputs[0] as tf.Tensor3D, kernel as tf.Tensor3D, bias, 1, 1));
    expect(maxDifference(run.outputs[0], expected)).toBeLessThan(TOLERANCE);
    disposeRun(run);
  });

  it("never lets a step see a later step", () => {
    const run = runCustomLayer("Conv1D", { filters: 2, kernel_size: 3, padding: "causal", dilation_rate: 2 }, [[1, 8, 2]]);
    const changed = tf.concat([tf.slice(run.inputs[0], [0, 0, 0], [1, 5, 2]), tf.fill([1, 3, 2], 7)], 1);
    const after = run.layer.apply(changed) as tf.Tensor;
    expect(maxDifference(tf.slice(after, [0, 0, 0], [1, 5, 2]), tf.slice(run.outputs[0], [0, 0, 0], [1, 5, 2]))).toBe(0);
    expect(maxDifference(after, run.outputs[0])).toBeGreaterThan(TOLERANCE);
    tf.dispose([changed, after]);
    disposeRun(run);
  });
});
