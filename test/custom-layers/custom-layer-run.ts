import * as tf from "@tensorflow/tfjs";
import { expect, vi } from "vitest";
import { registerCustomLayers } from "../../src/backend/custom/index.js";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { Options } from "../../src/ir/types.js";
import { outputShapes, runLayer } from "../layers/harness.js";
import { buildLayer } from "../layers/tfjs-layer-case.js";
import { setUpTfjs } from "../layers/tfjs-probe.js";

/** TensorFlow.js on its CPU backend with nnspec's custom layers registered, its greeting kept off the console. */
export async function setUpCustomLayers(): Promise<void> {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  await setUpTfjs();
  tf.zeros([1]).dispose(); // the CPU backend greets Node users on its first tensor write
  warn.mockRestore();
  registerCustomLayers(tf);
}

/** A custom layer applied to random inputs with random weights. */
export interface CustomRun {
  layer: tf.layers.Layer;
  inputs: tf.Tensor[];
  /** The weights in WeightSpec order, as set on the layer. */
  weights: tf.Tensor[];
  outputs: tf.Tensor[];
}

let seed = 1;

/** Uniform in [-1, 1), from a seed that changes on every call (the run is reproducible). */
export function random(shape: number[]): tf.Tensor {
  return tf.randomUniform(shape, -1, 1, "float32", seed++);
}

/**
 * Builds nnspec's layer `type` with `options` the way the backend does (toTfjs, then tfjs's
 * class map), applies it to random inputs of `shapes` with random weights, and checks the
 * layer against its shape rule on these concrete shapes: the weights' names and shapes in
 * order, and every output's shape. `kwargs` goes to the call (masks, training).
 */
export function runCustomLayer(type: string, options: Options, shapes: number[][], kwargs: Record<string, unknown> = {}): CustomRun {
  const run = runLayer(type, options, shapes.map((shape) => ({ shape })));
  const expectedShapes = outputShapes(run);
  const layer = buildLayer(getLayerDefinition(type)!.toTfjs({ name: `custom_${seed}`, options: run.options }));
  const inputs = shapes.map(random);
  const applyTo = (args: tf.Tensor[]) => layer.apply(args.length === 1 ? args[0] : args, kwargs) as tf.Tensor | tf.Tensor[];
  tf.dispose(applyTo(inputs)); // builds the layer
  const weights = run.weights!.map((w) => random(w.shape));
  layer.setWeights(weights);
  expect(layer.weights.map((w) => [w.originalName, w.shape])).toEqual(run.weights!.map((w) => [`${layer.name}/${w.name}`, w.shape]));
  const result = applyTo(inputs);
  const outputs = Array.isArray(result) ? result : [result];
  expect(outputs.map((o) => o.shape)).toEqual(expectedShapes);
  return { layer, inputs, weights, outputs };
}

/** The largest absolute difference between two tensors of one shape. */
export function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
}

/** Frees a run's tensors and the layer's weights. */
export function disposeRun(run: CustomRun): void {
  tf.dispose([...run.inputs, ...run.weights, ...run.outputs]);
  run.layer.dispose();
}
