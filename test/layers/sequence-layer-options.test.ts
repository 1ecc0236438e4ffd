import { describe, expect, it } from "vitest";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { validateOptions } from "../../src/ir/options/validate.js";
import type { Options } from "../../src/ir/types.js";

/** Option validation of the sequence, convolution, normalization and attention layers: Keras's defaults and Keras-style messages. */

function validate(type: string, given: Options) {
  return validateOptions(getLayerDefinition(type)!, given);
}

describe("defaults", () => {
  it.each([
    ["GRU", { units: 8 }, { reset_after: false, recurrent_activation: "sigmoid", return_state: false, go_backwards: false }],
    ["Conv1D", { filters: 8, kernel_size: 3 }, { strides: 1, padding: "valid", dilation_rate: 1, activation: null, use_bias: true, kernel_initializer: "glorot_uniform" }],
    ["MaxPooling1D", {}, { pool_size: 2, strides: null, padding: "valid" }],
    ["LayerNormalization", {}, { axis: -1, epsilon: 1e-3, center: true, scale: true, gamma_initializer: "ones", beta_initializer: "zeros" }],
    ["BatchNormalization", {}, { axis: -1, momentum: 0.99, epsilon: 1e-3, moving_variance_initializer: "ones" }],
    ["Attention", {}, { use_scale: false, score_mode: "dot", dropout: 0, use_causal_mask: false, return_attention_scores: false }],
    ["AdditiveAttention", {}, { use_scale: true }],
    ["LuongAttention", {}, { score: "general", kernel_initializer: "glorot_uniform" }],
    ["ScaledDotProductAttention", {}, { causal: false, dropout: 0 }],
    ["MultiHeadAttention", { num_heads: 2, key_dim: 4 }, { value_dim: null, output_shape: null, use_bias: true, dropout: 0, bias_initializer: "zeros" }],
    ["PositionEmbedding", { sequence_length: 8 }, { initializer: "glorot_uniform" }],
    ["SinePositionEncoding", {}, { max_wavelength: 10000 }],
  ] as const)("%s", (type, given, expected) => {
    const { options, problems } = validate(type, given);
    expect(problems).toEqual([]);
    expect(options).toMatchObject(expected);
  });
});

describe("problems", () => {
  it.each([
    ["GRU", { units: 8, reset_afer: true }, "UnknownOption", "reset_afer", "unknown option 'reset_afer'; did you mean 'reset_after'?"],
    ["Conv1D", { filters: 8, kernel_size: 3, padding: "casual" }, "OptionEnum", "padding", 'padding must be one of "valid", "same", "causal"; received "casual"; did you mean "causal"?'],
    ["Conv1D", { filters: 8, kernel_size: 2.5 }, "OptionType", "kernel_size", "kernel_size must be an integer or a list of integers, received 2.5"],
    ["Conv1D", { filters: 8, kernel_size: [0] }, "OptionRange", "kernel_size", "kernel_size entries must be at least 1, received [0]"],
    ["Conv1D", { filters: 8 }, "MissingOption", "kernel_size", "missing required option 'kernel_size' (the 2nd argument, or kernel_size=…)"],
    ["AveragePooling1D", { strides: -1 }, "OptionRange", "strides", "strides must be at least 1, received -1"],
    ["Attention", { score_mode: "general" }, "OptionEnum", "score_mode", 'score_mode must be one of "dot", "concat"; received "general"'],
    ["LuongAttention", { score: "concat" }, "OptionEnum", "score", 'score must be one of "general", "dot"; received "concat"'],
    ["MultiHeadAttention", { num_heads: 2, key_dim: 4, num_head: 3 }, "UnknownOption", "num_head", "unknown option 'num_head'; did you mean 'num_heads'?"],
    ["MultiHeadAttention", { num_heads: 2, key_dim: 4, output_shape: "64" }, "OptionType", "output_shape", 'output_shape must be an integer or a list of integers, or none, received "64"'],
    ["MultiHeadAttention", { num_heads: 2 }, "MissingOption", "key_dim", "missing required option 'key_dim' (the 2nd argument, or key_dim=…)"],
    ["ScaledDotProductAttention", { use_causal_mask: true }, "UnknownOption", "use_causal_mask", "unknown option 'use_causal_mask'; the options are causal, dropout, return_attention_scores"],
    ["BatchNormalization", { momentum: -0.1 }, "OptionRange", "momentum", "momentum must be in [0, 1], received -0.1"],
    ["LayerNormalization", { axis: "last" }, "OptionType", "axis", 'axis must be an integer or a list of integers, received "last"'],
    ["Reshape", { target_shape: [2, 2.5] }, "OptionType", "target_shape", "target_shape must be a list of integers, received [2, 2.5]"],
    ["Permute", { dims: [] }, "OptionType", "dims", "dims must be a list of integers, received []"],
    ["RepeatVector", {}, "MissingOption", "n", "missing required option 'n' (the 1st argument, or n=…)"],
    ["TimeDistributed", { layer: "Dense" }, "OptionType", "layer", 'layer must be a layer such as LSTM(200), received "Dense"'],
  ] as const)("%s %j → %s at %s", (type, given, code, option, message) => {
    const { problems } = validate(type, given as Options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, option });
    expect(problems[0].message).toBe(message);
  });
});
