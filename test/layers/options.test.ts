import { _, Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { getLayerDefinition, layerDefinitions } from "../../src/ir/layers/index.js";
import { validateOptions } from "../../src/ir/options/validate.js";
import { valueKindKeyword, type CodeTag } from "../../src/ir/options/value-kinds.js";
import type { Options } from "../../src/ir/types.js";

function validate(type: string, given: Options) {
  return validateOptions(getLayerDefinition(type)!, given);
}

describe("validateOptions", () => {
  it("fills in Keras's defaults", () => {
    const { options, problems } = validate("LSTM", { units: 200 });
    expect(problems).toEqual([]);
    expect(options).toMatchObject({
      units: 200,
      activation: "tanh",
      recurrent_activation: "sigmoid",
      use_bias: true,
      kernel_initializer: "glorot_uniform",
      recurrent_initializer: "orthogonal",
      bias_initializer: "zeros",
      unit_forget_bias: true,
      kernel_regularizer: null,
      dropout: 0,
      recurrent_dropout: 0,
      return_sequences: false,
      return_state: false,
      go_backwards: false,
      stateful: false,
      unroll: false,
    });
  });

  it("does not modify the given options", () => {
    const given = { units: 3 };
    validate("Dense", given);
    expect(given).toEqual({ units: 3 });
  });

  it.each([
    ["LSTM", { units: 200, return_sequence: true }, "UnknownOption", "return_sequence", "unknown option 'return_sequence'; did you mean 'return_sequences'?"],
    ["Dropout", { rate: 0.3, sed: 1 }, "UnknownOption", "sed", "unknown option 'sed'; did you mean 'seed'?"],
    ["Dropout", { rate: 0.3, colour: 1 }, "UnknownOption", "colour", "unknown option 'colour'; the options are rate, noise_shape, seed"],
    ["LSTM", { units: 10.9 }, "OptionType", "units", "units must be an integer, received 10.9"],
    ["LSTM", { units: "200" }, "OptionType", "units", 'units must be an integer, received "200"'],
    ["LSTM", { units: 3, return_sequences: 1 }, "OptionType", "return_sequences", "return_sequences must be true or false, received 1"],
    ["Dot", { axes: [1, 2.5] }, "OptionType", "axes", "axes must be an integer or a list of 2 integers, received [1, 2.5]"],
    ["Dropout", { rate: 0.3, noise_shape: 3 }, "OptionType", "noise_shape", "noise_shape must be a list of integers or nones, or none, received 3"],
    ["Dropout", { rate: 0.3, noise_shape: [null, "a"] }, "OptionType", "noise_shape", 'noise_shape must be a list of integers or nones, or none, received [none, "a"]'],
    ["Dropout", { rate: 0.3, noise_shape: [null, 0] }, "OptionRange", "noise_shape", "noise_shape entries must be at least 1, received [none, 0]"],
    ["Dense", { units: 3, kernel_regularizer: 0.01 }, "OptionType", "kernel_regularizer", "kernel_regularizer must be a regularizer such as l2(0.01) or none, received 0.01"],
    ["LSTM", { units: 0 }, "OptionRange", "units", "units must be at least 1, received 0"],
    ["Dropout", { rate: 1.5 }, "OptionRange", "rate", "rate must be in [0, 1), received 1.5"],
    ["LSTM", { units: 3, recurrent_dropout: -0.1 }, "OptionRange", "recurrent_dropout", "recurrent_dropout must be in [0, 1), received -0.1"],
    ["Embedding", { input_dim: 10, output_dim: 3, input_length: 0 }, "OptionRange", "input_length", "input_length must be at least 1, received 0"],
    [
      "Bidirectional",
      { layer: { kind: "layer", type: "LSTM", options: { units: 3 } }, merge_mode: "avg" },
      "OptionEnum",
      "merge_mode",
      'merge_mode must be one of "sum", "mul", "concat", "ave", none; received "avg"; did you mean "ave"?',
    ],
    ["Dense", { units: 3, kernel_initializer: "glorot_uniformm" }, "OptionEnum", "kernel_initializer", 'did you mean "glorot_uniform"?'],
    ["Activation", { activation: 3 }, "OptionEnum", "activation", "activation must be one of "],
    ["LSTM", {}, "MissingOption", "units", "missing required option 'units' (the 1st argument, or units=…)"],
    ["Embedding", { input_dim: 10 }, "MissingOption", "output_dim", "missing required option 'output_dim' (the 2nd argument, or output_dim=…)"],
  ] as const)("%s %j → %s at %s", (type, given, code, option, message) => {
    const { problems } = validate(type, given as Options);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, option });
    expect(problems[0].message).toContain(message);
  });

  it("reports every bad option in one run, one problem each", () => {
    const { problems } = validate("LSTM", { units: 10.9, dropout: 2, merge: 1, go_backwards: "yes" });
    expect(problems.map((p) => [p.code, p.option]).sort()).toEqual([
      ["OptionRange", "dropout"],
      ["OptionType", "go_backwards"],
      ["OptionType", "units"],
      ["UnknownOption", "merge"],
    ]);
  });

  it("never shows ajv's own wording", () => {
    const { problems } = validate("Dot", { axes: "two", normalize: 3, extra: [] });
    for (const problem of problems) expect(problem.message).not.toMatch(/must NOT|must be equal to|must have required|#\//);
  });

  it("takes Keras's regularizer names for the default factors", () => {
    const { options, problems } = validate("Dense", { units: 3, kernel_regularizer: "l2", bias_regularizer: "l1_l2" });
    expect(problems).toEqual([]);
    expect(options.kernel_regularizer).toEqual({ kind: "regularizer", l1: 0, l2: 0.01 });
    expect(options.bias_regularizer).toEqual({ kind: "regularizer", l1: 0.01, l2: 0.01 });
  });

  it("accepts a list or an integer for Dot's axes", () => {
    expect(validate("Dot", { axes: [2, 1] }).problems).toEqual([]);
    expect(validate("Dot", { axes: -1 }).problems).toEqual([]);
  });

  it("compiles every layer's schema (ajv strict mode) and accepts an empty options object where nothing is required", () => {
    for (const definition of layerDefinitions.values()) {
      const { problems } = validateOptions(definition, {});
      const required = definition.options.required ?? [];
      expect(problems.map((p) => p.option).sort()).toEqual([...required].sort());
      expect(problems.every((p) => p.code === "MissingOption")).toBe(true);
    }
  });

  it("uses schemas that are valid JSON Schema (validation skips this check at startup)", () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true }).addKeyword(valueKindKeyword(_ as CodeTag));
    for (const definition of layerDefinitions.values()) {
      expect(ajv.validateSchema(definition.options), definition.type).toBe(true);
    }
  });
});
