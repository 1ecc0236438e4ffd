import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { registerCustomLayers } from "../../src/backend/custom/index.js";
import type { RegularizerValue } from "../../src/ir/types.js";
import { setUpTfjs } from "./tfjs-probe.js";
import { caseTitle, expectTfjsAgrees, type TfjsCase } from "./tfjs-layer-case.js";

/**
 * The ground truth for the attention and position layers, which lower to nnspec's own tfjs
 * layers (src/backend/custom): built from their toTfjs config, each must agree with its shape
 * rule on outputs, weights and config (see tfjs-layer-case.ts).
 */

const l2: RegularizerValue = { kind: "regularizer", l1: 0, l2: 0.01 };
const q = ["batch", 5, 8];
const v = ["batch", 7, 8];

const cases: TfjsCase[] = [
  { type: "Attention", options: {}, inputs: [q, v] },
  { type: "Attention", options: { use_scale: true, return_attention_scores: true }, inputs: [q, ["batch", 7, 6], v] },
  { type: "Attention", options: { score_mode: "concat", use_scale: true, use_causal_mask: true }, inputs: [q, v] },
  { type: "Attention", options: { dropout: 0.1 }, inputs: [["batch", "Tq", 4], ["batch", null, 4]] },
  { type: "AdditiveAttention", options: {}, inputs: [q, v] },
  { type: "AdditiveAttention", options: { use_scale: false, return_attention_scores: true }, inputs: [q, ["batch", 7, 3], v] },
  { type: "LuongAttention", options: {}, inputs: [["batch", 5, 6], ["batch", 7, 3], ["batch", 7, 4]] },
  { type: "LuongAttention", options: { kernel_initializer: "he_normal", kernel_regularizer: l2, use_causal_mask: true }, inputs: [q, v] },
  { type: "LuongAttention", options: { score: "dot", return_attention_scores: true }, inputs: [q, v] },
  { type: "ScaledDotProductAttention", options: {}, inputs: [q, v] },
  { type: "ScaledDotProductAttention", options: { causal: true, return_attention_scores: true }, inputs: [["batch", 2, 5, 4], ["batch", 2, 5, 3], ["batch", 2, 5, 4]] },
  { type: "MultiHeadAttention", options: { num_heads: 2, key_dim: 4 }, inputs: [q, v] },
  {
    type: "MultiHeadAttention",
    options: { num_heads: 3, key_dim: 2, value_dim: 5, output_shape: 6, return_attention_scores: true, use_causal_mask: true },
    inputs: [q, ["batch", 7, 3], ["batch", 7, 4]],
  },
  { type: "MultiHeadAttention", options: { num_heads: 2, key_dim: 3, use_bias: false, output_shape: [2, 3], kernel_regularizer: l2 }, inputs: [q, v] },
  { type: "MultiHeadAttention", options: { num_heads: 1, key_dim: 2, bias_regularizer: l2, dropout: 0.2 }, inputs: [["batch", "T", 4], ["batch", "T", 4]] },
  { type: "PositionEmbedding", options: { sequence_length: 16 }, inputs: [["batch", 10, 8]] },
  { type: "PositionEmbedding", options: { sequence_length: 16, initializer: "zeros" }, inputs: [["batch", null, 4]] },
  { type: "SinePositionEncoding", options: {}, inputs: [["batch", 10, 8]] },
  { type: "SinePositionEncoding", options: { max_wavelength: 100 }, inputs: [["batch", "T", 5]] },
];

describe("attention layers built in TensorFlow.js agree with the shape rules", () => {
  beforeAll(async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await setUpTfjs();
    registerCustomLayers(tf);
  });
  afterAll(() => vi.restoreAllMocks());

  it.each(cases.map((c, i) => [caseTitle(c), c, i] as const))("%s", (_, testCase, index) => {
    expectTfjsAgrees(testCase, `attention${index}`);
    tf.disposeVariables();
  });
});
