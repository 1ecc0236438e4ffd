import * as tf from "@tensorflow/tfjs";
import type { TfjsLayerConfig } from "../../src/ir/layer-definition.js";
import type { Dim, DType } from "../../src/ir/types.js";

/** What TensorFlow.js makes of a layer config applied to symbolic inputs. */
export interface TfjsProbe {
  layer: tf.layers.Layer;
  outputs: { shape: (number | null)[]; dtype: string }[];
  params: number;
  weights: [string, (number | null)[]][];
  config: Record<string, unknown>;
}

let ready: Promise<unknown> | undefined;

/** TensorFlow.js on its CPU backend, without its hints and slow-initializer warnings. */
export function setUpTfjs(): Promise<unknown> {
  ready ??= tf.setBackend("cpu").then(() => tf.ready());
  return ready;
}

/** Builds the layer the way the backend does (through tfjs's class map) and applies it to `tf.input`s. */
export function probe(
  { className, config }: TfjsLayerConfig,
  inputs: readonly { shape: Dim[]; dtype: DType }[],
): TfjsProbe {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`tfjs has no class ${className}`);
  const [cls, fromConfig] = entry;
  const layer = fromConfig(cls, structuredClone(config) as tf.serialization.ConfigDict) as tf.layers.Layer;
  // As the backend does: weights start as zeros instead of running tfjs's slow orthogonal initializer.
  layer.setFastWeightInitDuringBuild(true);
  // tf.input shapes leave out the batch dim; symbols are unknown to TensorFlow.js.
  const symbolic = inputs.map((i) => tf.input({ shape: i.shape.slice(1).map(toTfjsDim), dtype: i.dtype }));
  const applied = layer.apply(symbolic.length === 1 ? symbolic[0] : symbolic) as tf.SymbolicTensor | tf.SymbolicTensor[];
  const outputs = (Array.isArray(applied) ? applied : [applied]).map((t) => ({ shape: [...t.shape], dtype: t.dtype }));
  return {
    layer,
    outputs,
    params: layer.countParams(),
    weights: layer.weights.map((w) => [w.name, [...w.shape]]),
    config: layer.getConfig() as Record<string, unknown>,
  };
}

export function toTfjsDim(dim: Dim): number | null {
  return typeof dim === "number" ? dim : null;
}
