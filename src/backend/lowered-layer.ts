import type { SymbolicTensor } from "@tensorflow/tfjs";
import { getLayerDefinition } from "../ir/layers/index.js";
import type { IRLayer, ModelIR } from "../ir/types.js";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";
import { lowerSubtract } from "./lower-subtract.js";
import { applySymbolic, createTfjsLayer, type TfjsLayer } from "./tfjs-layer.js";

/**
 * An IR layer as TensorFlow.js layers. Most IR layers are one tfjs layer; a few that
 * tfjs-layers lacks are lowered to several standard ones (Subtract), so that the saved
 * model.json loads in plain TensorFlow.js.
 */
export interface LoweredLayer {
  /** The tfjs layer named like the IR layer: it holds the layer's weights and gives its outputs. */
  main: TfjsLayer;
  /** Every tfjs layer the IR layer became, `main` included. */
  parts: readonly TfjsLayer[];
  /** Applies the layer to symbolic tensors, with tensors given by keyword under tfjs's names (`initialState`). */
  apply(inputs: SymbolicTensor[], keywords: Record<string, SymbolicTensor[]>): SymbolicTensor | SymbolicTensor[];
}

/** Lowers every layer of the IR. Extra layers of a lowering get names no IR layer or input has. */
export function lowerLayers(tf: Tf, ir: ModelIR): Map<string, LoweredLayer> {
  const taken = new Set([...ir.inputs.map((input) => input.name), ...ir.layers.map((layer) => layer.name)]);
  const freshName = (base: string): string => {
    let name = base;
    for (let n = 1; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  };
  // Layers hold no weights until applied, so a failure part way leaves nothing to free.
  return new Map(ir.layers.map((layer) => [layer.name, lowerLayer(tf, layer, freshName)]));
}

function lowerLayer(tf: Tf, layer: IRLayer, freshName: (base: string) => string): LoweredLayer {
  if (layer.type === "Subtract") return lowerSubtract(tf, layer.name, freshName(`${layer.name}_negated`));
  const definition = getLayerDefinition(layer.type);
  if (!definition) throw new BackendError("InternalError", `layer '${layer.name}': unknown layer type ${layer.type}`);
  const main = createTfjsLayer(tf, definition.toTfjs(layer), layer.name);
  return {
    main,
    parts: [main],
    apply: (inputs, keywords) => applySymbolic(main, inputs.length === 1 ? inputs[0]! : inputs, keywords),
  };
}
