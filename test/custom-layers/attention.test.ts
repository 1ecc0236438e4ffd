import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Options } from "../../src/ir/types.js";
import { disposeRun, maxDifference, runCustomLayer, setUpCustomLayers } from "./custom-layer-run.js";
import { additiveScore, dotScore, generalScore, referenceAttention, scaledScore, type ReferenceOptions, type Score } from "./reference-attention.js";

/**
 * Attention, AdditiveAttention, LuongAttention and ScaledDotProductAttention, built as the
 * backend builds them, compute what a plain reference computes, within 1e-5, on random
 * inputs and weights; with return_attention_scores the weights agree too.
 */

const TOLERANCE = 1e-5;

beforeAll(setUpCustomLayers);

interface Case {
  name: string;
  type: string;
  options: Options;
  shapes: number[][];
  /** The reference score, given the layer's weights in WeightSpec order. */
  score: (weights: tf.Tensor[]) => Score;
  reference?: ReferenceOptions;
  masks?: { query: number[][]; value: number[][] };
}

const q = [2, 5, 8];
const v = [2, 7, 8];

const cases: Case[] = [
  { name: "Attention: dot", type: "Attention", options: {}, shapes: [q, v], score: () => dotScore() },
  { name: "Attention: dot, learned scale, separate key", type: "Attention", options: { use_scale: true }, shapes: [q, [2, 7, 3], v], score: ([s]) => dotScore(s.dataSync()[0]) },
  { name: "Attention: causal", type: "Attention", options: { use_causal_mask: true }, shapes: [[2, 6, 4], [2, 6, 4]], score: () => dotScore(), reference: { causal: true } },
  {
    name: "Attention: concat with scale",
    type: "Attention",
    options: { score_mode: "concat", use_scale: true },
    shapes: [q, v],
    score: ([s, c]) => additiveScore(tf.ones([8]), s.dataSync()[0], c.dataSync()[0]),
  },
  { name: "Attention: concat", type: "Attention", options: { score_mode: "concat" }, shapes: [q, v], score: ([c]) => additiveScore(tf.ones([8]), 1, c.dataSync()[0]) },
  { name: "AdditiveAttention: learned scale", type: "AdditiveAttention", options: {}, shapes: [q, v], score: ([s]) => additiveScore(s) },
  { name: "AdditiveAttention: no scale, separate key, causal", type: "AdditiveAttention", options: { use_scale: false, use_causal_mask: true }, shapes: [[2, 5, 3], [2, 5, 6], [2, 5, 3]], score: () => additiveScore(tf.ones([3])), reference: { causal: true } },
  { name: "LuongAttention: general, query and key of different sizes", type: "LuongAttention", options: {}, shapes: [[2, 5, 6], [2, 7, 3], [2, 7, 4]], score: ([w]) => generalScore(w as tf.Tensor2D) },
  { name: "LuongAttention: dot", type: "LuongAttention", options: { score: "dot" }, shapes: [q, v], score: () => dotScore() },
  { name: "ScaledDotProductAttention", type: "ScaledDotProductAttention", options: {}, shapes: [q, v], score: () => scaledScore },
  { name: "ScaledDotProductAttention: causal, separate key", type: "ScaledDotProductAttention", options: { causal: true }, shapes: [[3, 6, 4], [3, 6, 5], [3, 6, 4]], score: () => scaledScore, reference: { causal: true } },
  {
    name: "Attention with padding masks on query and value",
    type: "Attention",
    options: { use_scale: true },
    shapes: [[2, 3, 4], [2, 4, 4]],
    score: ([s]) => dotScore(s.dataSync()[0]),
    masks: { query: [[1, 1, 0], [1, 1, 1]], value: [[1, 1, 1, 0], [1, 0, 0, 0]] },
  },
  {
    name: "LuongAttention with a value mask",
    type: "LuongAttention",
    options: {},
    shapes: [[2, 3, 4], [2, 4, 2]],
    score: ([w]) => generalScore(w as tf.Tensor2D),
    masks: { query: [[1, 1, 1], [1, 1, 1]], value: [[1, 1, 0, 0], [0, 1, 1, 1]] },
  },
];

describe("attention layers compute the reference", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    for (const returnScores of [false, true]) {
      const kwargs = c.masks ? { mask: [tf.tensor2d(c.masks.query, undefined, "bool"), tf.tensor2d(c.masks.value, undefined, "bool")] } : {};
      const run = runCustomLayer(c.type, { ...c.options, return_attention_scores: returnScores }, c.shapes, kwargs);
      const [query, value, key = value] = run.inputs;
      const reference = referenceAttention(query, value, key, c.score(run.weights), {
        ...c.reference,
        ...(c.masks ? { queryMask: c.masks.query, valueMask: c.masks.value } : {}),
      });
      expect(run.outputs).toHaveLength(returnScores ? 2 : 1);
      expect(maxDifference(run.outputs[0], reference.output)).toBeLessThan(TOLERANCE);
      if (returnScores) expect(maxDifference(run.outputs[1], reference.weights)).toBeLessThan(TOLERANCE);
      // A signal well above the tolerance: the comparison is not between near-zeros.
      expect(tf.max(tf.abs(reference.output)).dataSync()[0]).toBeGreaterThan(0.05);
      disposeRun(run);
    }
  });

  it("ScaledDotProductAttention works on [batch, heads, time, features], head by head", () => {
    const run = runCustomLayer("ScaledDotProductAttention", { causal: true }, [[2, 3, 5, 4], [2, 3, 5, 6], [2, 3, 5, 4]]);
    const [query, value, key] = run.inputs;
    const flat = (t: tf.Tensor) => t.reshape([6, ...t.shape.slice(2)]);
    const reference = referenceAttention(flat(query), flat(value), flat(key), scaledScore, { causal: true });
    expect(maxDifference(run.outputs[0], reference.output.reshape([2, 3, 5, 6]))).toBeLessThan(TOLERANCE);
    disposeRun(run);
  });

  it("zeroes nothing and drops nothing at inference, but drops attention weights while training", () => {
    const inference = runCustomLayer("Attention", { dropout: 0.5 }, [q, v]);
    const [query, value] = inference.inputs;
    const reference = referenceAttention(query, value, value, dotScore());
    expect(maxDifference(inference.outputs[0], reference.output)).toBeLessThan(TOLERANCE);
    const training = inference.layer.apply([query, value], { training: true }) as tf.Tensor;
    expect(maxDifference(training, reference.output)).toBeGreaterThan(TOLERANCE);
    disposeRun(inference);
  });

  it("passes the query's mask on as the output's", () => {
    const run = runCustomLayer("Attention", { return_attention_scores: true }, [[1, 2, 3], [1, 2, 3]]);
    const queryMask = tf.tensor2d([[1, 0]], undefined, "bool");
    const masks = run.layer.computeMask(run.inputs, [queryMask, tf.tensor2d([[1, 1]], undefined, "bool")]) as (tf.Tensor | null)[];
    expect(masks[0]).toBe(queryMask);
    expect(masks[1]).toBeNull();
    disposeRun(run);
  });
});
