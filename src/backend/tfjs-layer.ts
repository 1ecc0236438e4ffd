import type { layers, serialization, SymbolicTensor } from "@tensorflow/tfjs";
import type { TfjsLayerConfig } from "../ir/layer-definition.js";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";

export type TfjsLayer = layers.Layer;

/**
 * Instantiates a tfjs-layers class by name through TensorFlow.js's serialization map, so any
 * class TensorFlow.js knows works and nested configs (Bidirectional's `layer`) deserialize.
 * The layer creates its weights as zeros: nnspec computes and sets the real values itself,
 * which skips TensorFlow.js's slow initializers (orthogonal above all).
 */
export function createTfjsLayer(tf: Tf, { className, config }: TfjsLayerConfig, name: string): TfjsLayer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new BackendError("UnsupportedByBackend", `TensorFlow.js has no layer class '${className}'`);
  const [cls, fromConfig] = entry;
  // fromConfig may consume its argument (Bidirectional deletes `layer`): give it a copy.
  const layerConfig = structuredClone({ ...config, name }) as serialization.ConfigDict;
  const layer = fromConfig(cls, layerConfig);
  if (!(layer instanceof tf.layers.Layer)) {
    throw new BackendError("UnsupportedByBackend", `TensorFlow.js class '${className}' is not a layer`);
  }
  // What tfjs's own model loader does when weights are about to be overwritten; it reaches
  // wrapped layers and RNN cells too.
  layer.setFastWeightInitDuringBuild(true);
  return layer;
}

/** Layer.apply, typed for what it does here: symbolic tensors in, symbolic tensors out. */
export function applySymbolic(
  layer: TfjsLayer,
  inputs: SymbolicTensor | SymbolicTensor[],
  keywords: Record<string, SymbolicTensor[]> = {},
): SymbolicTensor | SymbolicTensor[] {
  return layer.apply(inputs, keywords) as SymbolicTensor | SymbolicTensor[];
}
