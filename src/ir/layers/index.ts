import type { FunctionDefinition, LayerDefinition } from "../layer-definition.js";
import { activationLayer, softmaxLayer } from "./activation.js";
import { dense, dropout } from "./core.js";
import { embedding } from "./embedding.js";
import { functionForms } from "./functions.js";
import { concatenate } from "./merge-concatenate.js";
import { dot } from "./merge-dot.js";
import { add, average, maximum, minimum, multiply, subtract } from "./merge-elementwise.js";
import { lstm, simpleRnn } from "./recurrent.js";
import { bidirectional } from "./wrappers.js";

/** Every layer nnspec knows, registered explicitly: adding a layer means adding it here. */
const layers: readonly LayerDefinition[] = [
  embedding,
  simpleRnn,
  lstm,
  bidirectional,
  dense,
  dropout,
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
