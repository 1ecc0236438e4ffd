import { booleanOption, layerOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import type { IRLayer, Options } from "../../ir/types.js";
import { activationCode, ACTIVATION_CODES } from "../kernels/codes.js";
import type { LookupTable } from "../ops/lookup-op.js";
import { GATES, type Direction, type Projection, type RecurrentSpec, type RecurrentType } from "../ops/recurrent-spec.js";
import type { Optimizations } from "../types.js";
import type { Arena } from "./arena.js";
import { placeBlocks, placeVector, type ColumnBlock, type PackedMatrix } from "./place-weights.js";

/** One direction's weights as given: kernel [features, G·units], recurrent_kernel [units, G·units], bias [G·units]. */
interface CellWeights {
  kernel: Float32Array;
  recurrent: Float32Array;
  bias: Float32Array;
}

/** The parts of a recurrent layer the lowering needs, from an LSTM, GRU, SimpleRNN or Bidirectional layer. */
export interface RecurrentLayer {
  type: RecurrentType;
  options: Options;
  units: number;
  cells: CellWeights[];
  merge: RecurrentSpec["merge"];
  features: number;
}

/** The names Keras gives a Bidirectional's copies of the layer: "forward_lstm", "backward_lstm". */
const KERAS_NAMES: Readonly<Record<RecurrentType, string>> = { SimpleRNN: "simple_rnn", LSTM: "lstm", GRU: "gru" };

/** Reads a recurrent IR layer (a Bidirectional's inner layer for both directions) and its weights (`weight` gives the layer's weight of a name). */
export function recurrentLayer(layer: IRLayer, weight: (name: string) => Float32Array | undefined): RecurrentLayer {
  const bidirectional = layer.type === "Bidirectional";
  const inner = bidirectional ? layerOption(layer.options, "layer") : { type: layer.type, options: layer.options };
  const type = inner.type as RecurrentType;
  const units = numberOption(inner.options, "units");
  const width = GATES[type] * units;
  const prefix = bidirectional ? [`forward_${KERAS_NAMES[type]}/`, `backward_${KERAS_NAMES[type]}/`] : [""];
  const cells = prefix.map((p): CellWeights => {
    const get = (name: string) => weight(p + name);
    // use_bias=false has no bias weight: a zero bias computes the same.
    return { kernel: get("kernel")!, recurrent: get("recurrent_kernel")!, bias: get("bias") ?? new Float32Array(width) };
  });
  const merge = bidirectional ? (nullableStringOption(layer.options, "merge_mode") ?? "none") : null;
  return { type, options: inner.options, units, cells, merge: merge as RecurrentSpec["merge"], features: cells[0]!.kernel.length / width };
}

/** What the node gives the layer besides its input sequence. */
export interface RecurrentInputs {
  /** initial_state tensors are given. */
  initialStates: boolean;
  /** The input carries a mask. */
  masked: boolean;
}

/**
 * Lowers a recurrent layer: places its weights (packed for the kernels) and picks the form of
 * each part from the optimisations. `fold`, when the Embedding before the layer may be folded
 * into its input projection, makes the table from the projection's packed kernel and bias.
 */
export function lowerRecurrent(
  name: string,
  layer: RecurrentLayer,
  arena: Arena,
  optimizations: Optimizations,
  fold: ((weights: PackedMatrix, bias: number) => LookupTable) | undefined,
  inputs: RecurrentInputs,
): RecurrentSpec {
  const { options, cells } = layer;
  const units = numberOption(options, "units");
  const gates = GATES[layer.type];
  const G = gates * units;
  const goBackwards = booleanOption(options, "go_backwards");
  // GRU's candidate block reads r ⊙ h, not h: a product of its own, after the other two gates.
  const fromH = layer.type === "GRU" ? 2 : gates;

  const directions = cells.map((cell, d): Direction => {
    const block = (from: number, n: number) => placeBlocks(arena, units, [{ values: cell.recurrent, stride: G, from, n }]);
    const recurrent = optimizations.fuseGates || fromH === 1 ? block(0, fromH * units) : Array.from({ length: fromH }, (_, g) => block(g * units, units));
    const candidate = layer.type === "GRU" ? block(2 * units, units) : undefined;
    // A Bidirectional's backward copy runs the other way and its outputs are reversed back.
    const order = d === 0 ? { inputReversed: goBackwards, outputReversed: false } : { inputReversed: !goBackwards, outputReversed: true };
    return candidate ? { recurrent, candidate, ...order } : { recurrent, ...order };
  });

  const blocks = cells.map((cell): ColumnBlock => ({ values: cell.kernel, stride: G, from: 0, n: G }));
  let projection: Projection;
  if (!optimizations.hoistInputProjection) {
    projection = { kind: "per-step", weights: blocks.map((b) => placeBlocks(arena, layer.features, [b])), bias: cells.map((c) => placeVector(arena, c.bias)) };
  } else if (cells.length === 2 && !optimizations.mergeDirections) {
    projection = { kind: "hoisted-per-direction", weights: blocks.map((b) => placeBlocks(arena, layer.features, [b])), bias: cells.map((c) => placeVector(arena, c.bias)) };
  } else {
    const weights = placeBlocks(arena, layer.features, blocks);
    const bias = placeVector(arena, ...cells.map((c) => c.bias));
    projection = fold ? { kind: "table", table: fold(weights, bias) } : { kind: "hoisted", weights, bias };
  }

  return {
    layer: name,
    type: layer.type,
    units,
    gates,
    activation: activationCode(nullableStringOption(options, "activation")),
    recurrentActivation: layer.type === "SimpleRNN" ? ACTIVATION_CODES.linear : activationCode(nullableStringOption(options, "recurrent_activation")),
    directions,
    merge: layer.merge,
    returnSequences: booleanOption(options, "return_sequences"),
    returnState: booleanOption(options, "return_state"),
    initialStates: inputs.initialStates,
    masked: inputs.masked,
    projection,
    fuseEpilogue: optimizations.fuseEpilogue,
    mergeDirections: optimizations.mergeDirections,
    reuseBuffers: optimizations.reuseBuffers,
  };
}
