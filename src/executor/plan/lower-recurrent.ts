import { booleanOption, layerOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import type { IRLayer, Options } from "../../ir/types.js";
import { activationCode, ACTIVATION_CODES } from "../kernels/codes.js";
import type { LookupTable } from "../ops/lookup-op.js";
import type { Direction, Projection, RecurrentSpec } from "../ops/recurrent-spec.js";
import type { Optimizations } from "../types.js";
import type { Arena } from "./arena.js";
import { placeBlocks, placeMatrix, placeVector, type ColumnBlock, type PackedMatrix } from "./place-weights.js";

/** One direction's weights as given: kernel [features, G·units], recurrent_kernel [units, G·units], bias [G·units]. */
interface CellWeights {
  kernel: Float32Array;
  recurrent: Float32Array;
  bias: Float32Array;
}

/** The parts of a recurrent layer the lowering needs, from an LSTM, SimpleRNN or Bidirectional layer. */
export interface RecurrentLayer {
  type: "LSTM" | "SimpleRNN";
  options: Options;
  cells: CellWeights[];
  merge: RecurrentSpec["merge"];
  features: number;
}

/** Reads a recurrent IR layer (a Bidirectional's inner layer for both directions) and its weights (`weight` gives the layer's weight of a name). */
export function recurrentLayer(layer: IRLayer, weight: (name: string) => Float32Array | undefined): RecurrentLayer {
  const bidirectional = layer.type === "Bidirectional";
  const inner = bidirectional ? layerOption(layer.options, "layer") : { type: layer.type, options: layer.options };
  const type = inner.type as "LSTM" | "SimpleRNN";
  const units = numberOption(inner.options, "units");
  const width = (type === "LSTM" ? 4 : 1) * units;
  const prefix = bidirectional ? [`forward_${type === "LSTM" ? "lstm" : "simple_rnn"}/`, `backward_${type === "LSTM" ? "lstm" : "simple_rnn"}/`] : [""];
  const cells = prefix.map((p): CellWeights => {
    const get = (name: string) => weight(p + name);
    // use_bias=false has no bias weight: a zero bias computes the same.
    return { kernel: get("kernel")!, recurrent: get("recurrent_kernel")!, bias: get("bias") ?? new Float32Array(width) };
  });
  const merge = bidirectional ? (nullableStringOption(layer.options, "merge_mode") ?? "none") : null;
  return { type, options: inner.options, cells, merge: merge as RecurrentSpec["merge"], features: cells[0]!.kernel.length / width };
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
): RecurrentSpec {
  const { options, cells } = layer;
  const units = numberOption(options, "units");
  const gates = layer.type === "LSTM" ? 4 : 1;
  const G = gates * units;
  const goBackwards = booleanOption(options, "go_backwards");

  const directions = cells.map((cell, d): Direction => {
    const recurrent = optimizations.fuseGates || gates === 1
      ? placeMatrix(arena, cell.recurrent, units, G)
      : Array.from({ length: gates }, (_, g) => placeBlocks(arena, units, [{ values: cell.recurrent, stride: G, from: g * units, n: units }]));
    // A Bidirectional's backward copy runs the other way and its outputs are reversed back.
    return d === 0 ? { recurrent, inputReversed: goBackwards, outputReversed: false } : { recurrent, inputReversed: !goBackwards, outputReversed: true };
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
    recurrentActivation: gates === 4 ? activationCode(nullableStringOption(options, "recurrent_activation")) : ACTIVATION_CODES.linear,
    directions,
    merge: layer.merge,
    returnSequences: booleanOption(options, "return_sequences"),
    returnState: booleanOption(options, "return_state"),
    projection,
    fuseEpilogue: optimizations.fuseEpilogue,
    mergeDirections: optimizations.mergeDirections,
    reuseBuffers: optimizations.reuseBuffers,
  };
}
