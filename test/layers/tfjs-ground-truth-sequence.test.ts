import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import type { Options, RegularizerValue, Shape } from "../../src/ir/types.js";
import { layerValue } from "./harness.js";
import { setUpTfjs } from "./tfjs-probe.js";
import { registerCustomLayers } from "../../src/backend/custom/index.js";
import { caseTitle, expectTfjsAgrees, type TfjsCase } from "./tfjs-layer-case.js";

/**
 * The ground truth for the recurrent, wrapper, reshaping, convolution, pooling and
 * normalization layers: each built in TensorFlow.js from its toTfjs config must agree with
 * its shape rule (see tfjs-layer-case.ts).
 */

const l2: RegularizerValue = { kind: "regularizer", l1: 0, l2: 0.01 };
const layer = (type: string, options: Options) => layerValue(type, options);
const ids = (shape: Shape) => ({ shape, dtype: "int32" as const });

const cases: TfjsCase[] = [
  { type: "GRU", options: { units: 8, return_sequences: true }, inputs: [["batch", 20, 5]] },
  {
    type: "GRU",
    options: { units: 6, return_state: true, go_backwards: true, use_bias: false, recurrent_activation: "hard_sigmoid", kernel_regularizer: l2 },
    inputs: [["batch", null, 3]],
  },
  { type: "GRU", options: { units: 4, return_sequences: true, return_state: true, bias_regularizer: l2 }, inputs: [["b", "T", 2]] },
  { type: "GRU", options: { units: 4 }, inputs: [["batch", 7, 3]], keywordInputs: { initial_state: [["batch", 4]] } },
  { type: "LSTM", options: { units: 5, return_state: true }, inputs: [["batch", 7, 3]], keywordInputs: { initial_state: [["batch", 5], ["batch", 5]] } },
  { type: "SimpleRNN", options: { units: 3, return_sequences: true }, inputs: [["batch", null, 2]], keywordInputs: { initial_state: [["batch", 3]] } },

  { type: "Bidirectional", options: { layer: layer("GRU", { units: 4, return_state: true }) }, inputs: [["batch", 6, 3]] },
  { type: "Bidirectional", options: { layer: layer("GRU", { units: 4, return_sequences: true }), merge_mode: null }, inputs: [["batch", 6, 3]] },
  {
    type: "Bidirectional",
    options: { layer: layer("LSTM", { units: 5, return_sequences: true }) },
    inputs: [["batch", 6, 3]],
    keywordInputs: { initial_state: [["batch", 5], ["batch", 5], ["batch", 5], ["batch", 5]] },
  },

  { type: "TimeDistributed", options: { layer: layer("Dense", { units: 4, activation: "relu" }) }, inputs: [["batch", 5, 3]] },
  { type: "TimeDistributed", options: { layer: layer("Conv1D", { filters: 4, kernel_size: 2 }) }, inputs: [["batch", 5, 6, 3]] },
  { type: "TimeDistributed", options: { layer: layer("LSTM", { units: 3 }) }, inputs: [["batch", null, 6, 3]] },
  { type: "TimeDistributed", options: { layer: layer("BatchNormalization", {}) }, inputs: [["batch", 5, 3]] },
  { type: "TimeDistributed", options: { layer: layer("Flatten", {}) }, inputs: [["batch", "T", 6, 3]] },
  { type: "TimeDistributed", options: { layer: layer("Embedding", { input_dim: 10, output_dim: 3 }) }, inputs: [ids(["batch", 5, 7])] },

  { type: "RepeatVector", options: { n: 4 }, inputs: [["batch", 3]] },
  { type: "Flatten", options: {}, inputs: [["batch", 4, 3]] },
  { type: "Flatten", options: {}, inputs: [["batch", 2, 3, 4]] },
  { type: "Reshape", options: { target_shape: [6, 2] }, inputs: [["batch", 4, 3]] },
  { type: "Reshape", options: { target_shape: [-1, 2] }, inputs: [["batch", 4, 3]] },
  { type: "Reshape", options: { target_shape: [-1, 8, 4] }, inputs: [["batch", "T", 32]] },
  { type: "Permute", options: { dims: [2, 1] }, inputs: [["batch", 4, 3]] },
  { type: "Permute", options: { dims: [3, 1, 2] }, inputs: [["batch", null, 3, 5]] },

  { type: "Conv1D", options: { filters: 8, kernel_size: 3 }, inputs: [["batch", 10, 4]] },
  { type: "Conv1D", options: { filters: 8, kernel_size: [3], strides: 2, padding: "same", activation: "relu" }, inputs: [["batch", 11, 4]] },
  { type: "Conv1D", options: { filters: 2, kernel_size: 3, dilation_rate: 2, use_bias: false, kernel_regularizer: l2 }, inputs: [["batch", 10, 3]] },
  { type: "Conv1D", options: { filters: 2, kernel_size: 5, strides: 3 }, inputs: [["batch", null, 3]] },
  { type: "Conv1D", options: { filters: 6, kernel_size: 3, padding: "causal", dilation_rate: 2, activation: "tanh" }, inputs: [["batch", 10, 3]] },
  { type: "Conv1D", options: { filters: 6, kernel_size: 2, padding: "causal", strides: 2, bias_regularizer: l2 }, inputs: [["batch", 9, 3]] },
  { type: "Conv1D", options: { filters: 4, kernel_size: 2, padding: "causal" }, inputs: [["batch", "T", 3]] },

  { type: "MaxPooling1D", options: {}, inputs: [["batch", 10, 3]] },
  { type: "MaxPooling1D", options: { pool_size: 3, strides: 2, padding: "same" }, inputs: [["batch", 11, 3]] },
  { type: "AveragePooling1D", options: { pool_size: [4] }, inputs: [["batch", 11, 3]] },
  { type: "AveragePooling1D", options: { pool_size: 2, strides: 1 }, inputs: [["batch", "T", 3]] },
  { type: "GlobalMaxPooling1D", options: {}, inputs: [["batch", null, 3]] },
  { type: "GlobalAveragePooling1D", options: {}, inputs: [["batch", 7, 3]] },

  { type: "LayerNormalization", options: {}, inputs: [["batch", 5, 3]] },
  { type: "LayerNormalization", options: { axis: [1, 2], epsilon: 1e-6 }, inputs: [["batch", 5, 3]] },
  { type: "LayerNormalization", options: { axis: 1, center: false, gamma_regularizer: l2 }, inputs: [["batch", 5, 3]] },
  { type: "LayerNormalization", options: { scale: false, beta_regularizer: l2 }, inputs: [["batch", 4]] },
  { type: "BatchNormalization", options: {}, inputs: [["batch", 5, 3]] },
  { type: "BatchNormalization", options: { axis: 1, momentum: 0.9, epsilon: 1e-5, center: false }, inputs: [["batch", 5, 3]] },
  { type: "BatchNormalization", options: { scale: false, gamma_regularizer: l2, beta_regularizer: l2 }, inputs: [["batch", 2, 3, 4]] },
];

describe("sequence layers built in TensorFlow.js agree with the shape rules", () => {
  beforeAll(async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await setUpTfjs();
    registerCustomLayers(tf);
  });
  afterAll(() => vi.restoreAllMocks());

  it.each(cases.map((c, i) => [caseTitle(c), c, i] as const))("%s", (_, testCase, index) => {
    expectTfjsAgrees(testCase, `sequence${index}`);
    tf.disposeVariables();
  });
});
