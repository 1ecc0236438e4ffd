import type { FunctionDefinition, LayerDefinition } from "../layer-definition.js";
import { activationLayer, softmaxLayer } from "./activation.js";
import { additiveAttention, attention } from "./attention.js";
import { batchNormalization } from "./batch-normalization.js";
import { conv1d } from "./conv1d.js";
import { dense, dropout } from "./core.js";
import { embedding } from "./embedding.js";
import { flatten } from "./flatten.js";
import { functionForms } from "./functions.js";
import { globalAveragePooling1d, globalMaxPooling1d } from "./global-pooling1d.js";
import { layerNormalization } from "./layer-normalization.js";
import { luongAttention } from "./luong-attention.js";
import { concatenate } from "./merge-concatenate.js";
import { dot } from "./merge-dot.js";
import { add, average, maximum, minimum, multiply, subtract } from "./merge-elementwise.js";
import { multiHeadAttention } from "./multi-head-attention.js";
import { permute } from "./permute.js";
import { averagePooling1d, maxPooling1d } from "./pooling1d.js";
import { positionEmbedding } from "./position-embedding.js";
import { gru, lstm, simpleRnn } from "./recurrent.js";
import { repeatVector } from "./repeat-vector.js";
import { reshape } from "./reshape.js";
import { scaledDotProductAttention } from "./scaled-dot-product-attention.js";
import { sinePositionEncoding } from "./sine-position-encoding.js";
import { timeDistributed } from "./time-distributed.js";
import { bidirectional } from "./wrappers.js";
import { rescaling } from "./rescaling.js";
import { slice } from "./slice.js";

/** Every layer nnspec knows, registered explicitly: adding a layer means adding it here. */
const layers: readonly LayerDefinition[] = [
  embedding,
  positionEmbedding,
  sinePositionEncoding,
  simpleRnn,
  lstm,
  gru,
  bidirectional,
  timeDistributed,
  dense,
  dropout,
  repeatVector,
  flatten,
  reshape,
  permute,
  conv1d,
  maxPooling1d,
  averagePooling1d,
  globalMaxPooling1d,
  globalAveragePooling1d,
  layerNormalization,
  batchNormalization,
  attention,
  additiveAttention,
  luongAttention,
  scaledDotProductAttention,
  multiHeadAttention,
  activationLayer,
  softmaxLayer,
  dot,
  concatenate,
  add,
  subtract,
  multiply,
  average,
  maximum,
  minimum,
  rescaling,
  slice,
];

/** Layer definitions by their Keras class name ("LSTM"). */
export const layerDefinitions: ReadonlyMap<string, LayerDefinition> = new Map(layers.map((d) => [d.type, d]));

/** Function forms by name ("dot", "relu"). */
export const functionDefinitions: ReadonlyMap<string, FunctionDefinition> = new Map(functionForms.map((f) => [f.name, f]));

/** The layer definition of a Keras class name, if nnspec has it. */
export function getLayerDefinition(type: string): LayerDefinition | undefined {
  return layerDefinitions.get(type);
}

/** The function form of a lowercase name, if nnspec has it. */
export function getFunctionDefinition(name: string): FunctionDefinition | undefined {
  return functionDefinitions.get(name);
}

export { buildRegularizer, regularizerFunctionNames, regularizerPositional } from "./regularizers.js";
