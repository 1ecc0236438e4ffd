import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Options } from "../../src/ir/types.js";
import { disposeRun, maxDifference, runCustomLayer, setUpCustomLayers } from "./custom-layer-run.js";
import { referenceMultiHead } from "./reference-attention.js";

/**
 * MultiHeadAttention, built as the backend builds it, computes what a head-by-head reference
 * computes, within 1e-5, on random inputs and weights (kernels and biases in Keras's order).
 */

const TOLERANCE = 1e-5;

beforeAll(setUpCustomLayers);

const cases: { name: string; options: Options; shapes: number[][] }[] = [
  { name: "self-attention, 2 heads", options: { num_heads: 2, key_dim: 4 }, shapes: [[2, 5, 8], [2, 5, 8]] },
  { name: "cross-attention with a key, value_dim and output_shape", options: { num_heads: 3, key_dim: 2, value_dim: 5, output_shape: 6 }, shapes: [[2, 5, 8], [2, 7, 3], [2, 7, 4]] },
  { name: "no biases, output_shape of two axes", options: { num_heads: 2, key_dim: 3, use_bias: false, output_shape: [2, 3] }, shapes: [[2, 4, 6], [2, 6, 6]] },
  { name: "causal", options: { num_heads: 2, key_dim: 4, use_causal_mask: true }, shapes: [[3, 6, 8], [3, 6, 8]] },
];

describe("MultiHeadAttention computes the reference", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const run = runCustomLayer("MultiHeadAttention", { ...c.options, return_attention_scores: true }, c.shapes);
    const [query, value, key = value] = run.inputs;
    const useBias = c.options.use_bias !== false;
    const kernels = useBias ? run.weights.filter((_, i) => i % 2 === 0) : run.weights;
    const biases = useBias ? run.weights.filter((_, i) => i % 2 === 1) : [null, null, null, null];
    const reference = referenceMultiHead(
      { query, value, key },
      { kernels, biases },
      { heads: Number(c.options.num_heads), keyDim: Number(c.options.key_dim), causal: c.options.use_causal_mask === true },
    );
    expect(maxDifference(run.outputs[0], reference.output)).toBeLessThan(TOLERANCE);
    expect(maxDifference(run.outputs[1], reference.weights)).toBeLessThan(TOLERANCE);
    expect(tf.max(tf.abs(reference.output)).dataSync()[0]).toBeGreaterThan(0.05);
    disposeRun(run);
  });

  it("masks padded value steps, as Keras's attention mask does", () => {
    const valueMask = [[1, 1, 1, 0], [1, 1, 0, 0]];
    const mask = [tf.tensor2d([[1, 1, 1], [1, 1, 1]], undefined, "bool"), tf.tensor2d(valueMask, undefined, "bool")];
    const run = runCustomLayer("MultiHeadAttention", { num_heads: 2, key_dim: 2, return_attention_scores: true }, [[2, 3, 4], [2, 4, 4]], { mask });
    const weights = run.outputs[1].arraySync() as number[][][][];
    for (const [b, example] of weights.entries()) {
      for (const head of example) for (const row of head) row.forEach((w, j) => (valueMask[b][j] === 0 ? expect(w).toBe(0) : expect(w).toBeGreaterThan(0)));
    }
    tf.dispose(mask);
    disposeRun(run);
  });
});
