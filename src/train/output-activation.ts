import type { IRLayer, IROutput, LayerValue, ModelIR, OptionValue } from "../ir/types.js";

/** What a model output's values are, as far as the IR tells: what decides which losses fit. */
export interface OutputActivation {
  /** "softmax", "sigmoid", "linear", "tanh", …; null when the IR does not say (a merge, a custom chain). */
  name: string | null;
  /** The layer that applies it, for diagnostics. */
  layer?: IRLayer;
}

/** Layers that pass values through unchanged at inference, so the activation before them still holds. */
const PASS_THROUGH = new Set(["Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout"]);

/** The last activation applied to an output: Dense(…, activation=…), Activation, Softmax, TimeDistributed(Dense). */
export function outputActivation(ir: ModelIR, output: IROutput): OutputActivation {
  const producers = new Map(ir.nodes.flatMap((node) => node.outputs.map((tensor) => [tensor.id, node] as const)));
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  let tensor = output.tensor;
  for (;;) {
    const node = producers.get(tensor);
    const layer = node && layers.get(node.layer);
    if (!node || !layer) return { name: null };
    if (PASS_THROUGH.has(layer.type) && node.inputs.length === 1) {
      tensor = node.inputs[0]!;
      continue;
    }
    const rank = node.outputs.find((out) => out.id === tensor)?.shape.length ?? 0;
    return { name: activationOfLayer(layer.type, layer.options, rank), layer };
  }
}

function activationOfLayer(type: string, options: Record<string, OptionValue>, rank: number): string | null {
  switch (type) {
    case "Softmax":
      return isLastAxis(options.axis, rank) ? "softmax" : null;
    case "Dense":
    case "Activation":
    case "SimpleRNN":
    case "LSTM":
    case "GRU":
      // No activation (null) is Keras's None: linear.
      return typeof options.activation === "string" ? options.activation : options.activation === null ? "linear" : null;
    case "TimeDistributed": {
      const inner = options.layer;
      return isLayerValue(inner) ? activationOfLayer(inner.type, inner.options, rank) : null;
    }
    default:
      return null;
  }
}

/** Softmax over the last axis is a distribution over classes; over another axis it is not. */
function isLastAxis(axis: OptionValue | undefined, rank: number): boolean {
  return axis === undefined || axis === -1 || axis === rank - 1;
}

function isLayerValue(value: OptionValue | undefined): value is LayerValue {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "layer";
}
