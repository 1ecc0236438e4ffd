import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { activationNames } from "../../src/ir/layers/activation-names.js";
import { getLayerDefinition, layerDefinitions } from "../../src/ir/layers/index.js";
import type { DType, Options, RegularizerValue, Shape } from "../../src/ir/types.js";
import { validateOptions } from "../../src/ir/options/validate.js";
import { layerValue, outputShapes, runLayer } from "./harness.js";
import { probe, setUpTfjs, toTfjsDim } from "./tfjs-probe.js";

/**
 * The ground truth: every layer is built in TensorFlow.js from its toTfjs config, the way the
 * backend builds it, and TensorFlow.js must agree with the shape rule on the output shapes and
 * dtypes, the parameter count, and the weights' names, shapes and order. The config keys must
 * be ones tfjs-layers reads back (getConfig), with the values given.
 */

interface Case {
  type: string;
  options: Options;
  inputs: (Shape | { shape: Shape; dtype: DType })[];
}

const l2: RegularizerValue = { kind: "regularizer", l1: 0, l2: 0.01 };
const l1l2: RegularizerValue = { kind: "regularizer", l1: 0.001, l2: 0.002 };
const lstm = (options: Options) => layerValue("LSTM", options);
const ids = (shape: Shape) => ({ shape, dtype: "int32" as const });

const cases: Case[] = [
  { type: "Embedding", options: { input_dim: 1000, output_dim: 100, input_length: 20 }, inputs: [ids(["batch", 20])] },
  {
    type: "Embedding",
    options: { input_dim: 50, output_dim: 8, mask_zero: true, embeddings_initializer: "uniform", embeddings_regularizer: l2 },
    inputs: [ids(["batch", null])],
  },
  { type: "Embedding", options: { input_dim: 10, output_dim: 3, embeddings_regularizer: l1l2 }, inputs: [ids(["batch", 4, 5])] },

  { type: "SimpleRNN", options: { units: 200, return_sequences: true }, inputs: [["batch", 20, 100]] },
  {
    type: "SimpleRNN",
    options: {
      units: 8,
      return_state: true,
      go_backwards: true,
      activation: "relu",
      use_bias: false,
      dropout: 0.2,
      recurrent_dropout: 0.1,
      recurrent_initializer: "identity",
    },
    inputs: [["batch", null, 5]],
  },
  { type: "SimpleRNN", options: { units: 4, kernel_regularizer: l1l2, return_sequences: true, return_state: true }, inputs: [["b", "T", 3]] },

  { type: "LSTM", options: { units: 200, return_sequences: true }, inputs: [["batch", 20, 100]] },
  {
    type: "LSTM",
    options: {
      units: 6,
      return_state: true,
      unit_forget_bias: false,
      recurrent_activation: "hard_sigmoid",
      kernel_initializer: "he_normal",
      bias_initializer: "ones",
      recurrent_regularizer: l2,
      bias_regularizer: l1l2,
    },
    inputs: [["batch", null, 4]],
  },
  { type: "LSTM", options: { units: 5, use_bias: false, return_sequences: true, return_state: true, activation: null }, inputs: [["b", 9, 2]] },

  { type: "Bidirectional", options: { layer: lstm({ units: 200, return_sequences: true }) }, inputs: [["batch", 20, 100]] },
  ...["sum", "mul", "ave", null].map((mode) => ({
    type: "Bidirectional",
    options: { layer: lstm({ units: 7, return_sequences: true }), merge_mode: mode },
    inputs: [["batch", 6, 3]] as Shape[],
  })),
  { type: "Bidirectional", options: { layer: lstm({ units: 7, return_state: true }) }, inputs: [["batch", 6, 3]] },
  { type: "Bidirectional", options: { layer: lstm({ units: 7, return_state: true, return_sequences: true }), merge_mode: null }, inputs: [["batch", 6, 3]] },
  { type: "Bidirectional", options: { layer: layerValue("SimpleRNN", { units: 5 }), merge_mode: "ave" }, inputs: [["batch", null, 3]] },

  { type: "Dense", options: { units: 200, activation: "tanh" }, inputs: [["batch", 30, 800]] },
  {
    type: "Dense",
    options: { units: 1, activation: "sigmoid", use_bias: false, kernel_regularizer: l2 },
    inputs: [["batch", 5]],
  },
  {
    type: "Dense",
    options: { units: 3, activation: "softmax", kernel_initializer: "lecun_uniform", bias_initializer: "random_normal", bias_regularizer: l2 },
    inputs: [["batch", 2, 3, 4]],
  },

  { type: "Dropout", options: { rate: 0.3 }, inputs: [["batch", 20, 200]] },
  { type: "Dropout", options: { rate: 0.5, noise_shape: [null, 1, 4], seed: 3 }, inputs: [["batch", 6, 4]] },

  ...activationNames.map((name) => ({ type: "Activation", options: { activation: name }, inputs: [["batch", 20, 5]] as Shape[] })),
  { type: "Softmax", options: {}, inputs: [["batch", 30, 20]] },
  { type: "Softmax", options: { axis: 1 }, inputs: [["batch", 30, 20]] },

  { type: "Dot", options: { axes: 2 }, inputs: [["batch", 30, 400], ["batch", 20, 400]] },
  { type: "Dot", options: { axes: [2, 1] }, inputs: [["batch", 30, 20], ["batch", 20, 400]] },
  { type: "Dot", options: { axes: -1, normalize: true }, inputs: [["batch", 3, 8], ["batch", 4, 8]] },
  { type: "Dot", options: { axes: [-1, -2] }, inputs: [["batch", 3, 4], ["batch", 4, 8]] },
  { type: "Dot", options: { axes: 1 }, inputs: [["batch", 5], ["batch", 5]] },
  { type: "Dot", options: { axes: [1, 1] }, inputs: [["batch", 5], ["batch", 5, 7]] },

  { type: "Concatenate", options: {}, inputs: [["batch", 30, 400], ["batch", 30, 400]] },
  { type: "Concatenate", options: { axis: 1 }, inputs: [["batch", 2, 4], ["batch", 3, 4], ["batch", 5, 4]] },
  { type: "Concatenate", options: { axis: -2 }, inputs: [["batch", "T", 4], ["batch", 3, 4]] },

  ...["Add", "Multiply", "Average", "Maximum", "Minimum"].flatMap((type) => [
    { type, options: {}, inputs: [["batch", 4, 5], ["batch", 4, 5], ["batch", 4, 5]] as Shape[] },
    { type, options: {}, inputs: [["batch", 1, 5], ["batch", 4, 5]] as Shape[] },
    { type, options: {}, inputs: [["batch", 5], ["batch", 4, 5]] as Shape[] },
  ]),
];

/**
 * Config values getConfig() gives back as they were given: scalars, lists and regularizer
 * configs. Initializers come back serialized (initializers.test.ts checks those).
 */
function comparable(key: string, value: unknown): boolean {
  if (key.endsWith("Initializer")) return false;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return true;
  return (value as { className?: unknown }).className === "L1L2";
}

describe("layers built in TensorFlow.js agree with the shape rules", () => {
  beforeAll(async () => {
    // tfjs prints a hint to install tfjs-node and warns about slow orthogonal initialisation.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    await setUpTfjs();
  });
  afterAll(() => vi.restoreAllMocks());

  it.each(cases.map((c, i) => [`${c.type} ${JSON.stringify(c.options, (k, v) => (k === "options" ? undefined : v))}`, c, i] as const))(
    "%s",
    (_, testCase, index) => {
      // tfjs keeps weight names unique per process, so every case gets its own layer name.
      const name = `probe${index}`;
      const inputs = testCase.inputs.map((i) => (Array.isArray(i) ? { shape: i, dtype: "float32" as const } : i));
      const run = runLayer(testCase.type, testCase.options, inputs);
      const shapes = outputShapes(run);
      const lowered = getLayerDefinition(testCase.type)!.toTfjs({ name, options: run.options });
      const built = probe(lowered, inputs);

      expect(built.outputs.map((o) => o.shape)).toEqual(shapes.map((s) => s.map(toTfjsDim)));
      expect(built.outputs.map((o) => o.dtype)).toEqual(run.outputs!.map((o) => o.dtype));
      expect(built.params).toBe(run.params);
      expect(built.weights).toEqual(run.weights!.map((w) => [`${name}/${w.name}`, w.shape]));

      const checkKeys = (given: Record<string, unknown>, read: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(given)) {
          expect(Object.keys(read), `config key ${key}`).toContain(key);
          if (comparable(key, value)) expect(read[key], `config ${key}`).toEqual(value);
        }
      };
      checkKeys(lowered.config, built.config);
      if (testCase.type === "Bidirectional") {
        const inner = (lowered.config.layer as { config: Record<string, unknown> }).config;
        const forward = (built.layer as unknown as { forwardLayer: tf.layers.Layer }).forwardLayer;
        checkKeys({ ...inner, name: `forward_${String(inner.name)}` }, forward.getConfig() as Record<string, unknown>);
      }
      tf.disposeVariables();
    },
  );

  it("uses only classes tfjs-layers registers, except Subtract, which the backend lowers to Add and Rescaling", () => {
    const classes = tf.serialization.SerializationMap.getMap().classNameMap;
    // Layers added later have their own ground-truth tests (tfjs-ground-truth-sequence/-attention).
    const missing = [...layerDefinitions.values()]
      .filter((d) => cases.some((c) => c.type === d.type))
      .map((d) => {
        const example = cases.find((c) => c.type === d.type)?.options ?? {};
        return d.toTfjs({ name: "probe", options: validateOptions(d, example).options }).className;
      })
      .filter((className) => !(className in classes));
    expect(missing).toEqual([]);
    expect("Subtract" in classes, "tfjs has no Subtract: the backend lowers it").toBe(false);
  });
});
