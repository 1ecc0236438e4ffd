import * as tf from "@tensorflow/tfjs";
import { expect } from "vitest";
import type { TfjsLayerConfig } from "../../src/ir/layer-definition.js";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { DType, Options, Shape } from "../../src/ir/types.js";
import { outputShapes, runLayer, type TestInput } from "./harness.js";
import { toTfjsDim } from "./tfjs-probe.js";

/**
 * One layer built in TensorFlow.js from its toTfjs config, as the backend builds it, applied to
 * symbolic inputs (and keyword tensors such as initial_state), and compared with the shape rule:
 * output shapes and dtypes, parameter count, weight names, shapes, order and trainability, and
 * the config keys tfjs reads back. tfjs-ground-truth.test.ts does the same for the first layers.
 */
export interface TfjsCase {
  type: string;
  options: Options;
  inputs: (Shape | { shape: Shape; dtype: DType })[];
  /** Keyword tensors by their Keras name ("initial_state"), all float32. */
  keywordInputs?: Record<string, Shape[]>;
}

export function caseTitle(c: TfjsCase): string {
  const keywords = c.keywordInputs ? ` + ${Object.keys(c.keywordInputs).join(", ")}` : "";
  return `${c.type} ${JSON.stringify(c.options, (k, v) => (k === "options" ? undefined : v))}${keywords}`;
}

/** Builds the case in tfjs and checks it against the shape rule; the layer is named `name` (unique per process). */
export function expectTfjsAgrees(testCase: TfjsCase, name: string): void {
  const inputs: Required<Pick<TestInput, "shape" | "dtype">>[] = testCase.inputs.map((i) => (Array.isArray(i) ? { shape: i, dtype: "float32" } : i));
  const keywordInputs = Object.fromEntries(
    Object.entries(testCase.keywordInputs ?? {}).map(([k, shapes]) => [k, shapes.map((shape) => ({ shape }))]),
  );
  const run = runLayer(testCase.type, testCase.options, inputs, keywordInputs);
  const shapes = outputShapes(run);
  const lowered = getLayerDefinition(testCase.type)!.toTfjs({ name, options: run.options });
  const layer = buildLayer(lowered);

  const symbolic = (i: { shape: Shape; dtype: DType }) => tf.input({ shape: i.shape.slice(1).map(toTfjsDim), dtype: i.dtype });
  const kwargs = Object.fromEntries(
    Object.entries(testCase.keywordInputs ?? {}).map(([k, list]) => [camelCase(k), list.map((shape) => symbolic({ shape, dtype: "float32" }))]),
  );
  const applied = inputs.map(symbolic);
  const result = layer.apply(applied.length === 1 ? applied[0] : applied, kwargs) as tf.SymbolicTensor | tf.SymbolicTensor[];
  const outputs = Array.isArray(result) ? result : [result];

  expect(outputs.map((o) => o.shape)).toEqual(shapes.map((s) => s.map(toTfjsDim)));
  expect(outputs.map((o) => o.dtype)).toEqual(run.outputs!.map((o) => o.dtype));
  expect(layer.countParams()).toBe(run.params);
  expect(layer.weights.map((w) => [w.name, w.shape, w.trainable])).toEqual(run.weights!.map((w) => [`${name}/${w.name}`, w.shape, w.trainable]));

  const read = layer.getConfig() as Record<string, unknown>;
  for (const [key, value] of Object.entries(lowered.config)) {
    expect(Object.keys(read), `config key ${key}`).toContain(key);
    // Initializers come back serialized by tfjs's own layers; nested layers too.
    if (key.endsWith("Initializer") || key === "layer") continue;
    expect(read[key], `config ${key}`).toEqual(asTfjsReadsIt(lowered, key, inputs[0].shape.length));
  }
}

/**
 * A config value in the form tfjs-layers' getConfig gives it back: its convolution and pooling
 * layers hold window sizes as one-entry lists (kernelSize 3 → [3], pooling strides none → the
 * pool size), Reshape holds -1 as null, LayerNormalization resolves its axes against the rank.
 */
function asTfjsReadsIt({ className, config }: TfjsLayerConfig, key: string, rank: number): unknown {
  const value = config[key];
  const windows = ["Conv1D", "MaxPooling1D", "AveragePooling1D"].includes(className);
  if (windows && key === "strides" && value === null) return [config.poolSize];
  if (windows && typeof value === "number" && ["kernelSize", "poolSize", "strides", "dilationRate"].includes(key)) return [value];
  if (className === "Reshape" && key === "targetShape") return (value as number[]).map((d) => (d === -1 ? null : d));
  if (className === "LayerNormalization" && key === "axis") return (typeof value === "number" ? [value] : (value as number[])).map((a) => (a < 0 ? a + rank : a));
  return value;
}

/** The layer the way the backend makes it: through tfjs's class map, weights created as zeros. */
export function buildLayer({ className, config }: TfjsLayerConfig): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`tfjs has no class ${className}`);
  const [cls, fromConfig] = entry;
  const layer = fromConfig(cls, structuredClone(config) as tf.serialization.ConfigDict) as tf.layers.Layer;
  layer.setFastWeightInitDuringBuild(true);
  return layer;
}

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
