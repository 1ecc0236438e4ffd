import { booleanOption, nullableStringOption } from "../../ir/layers/option-values.js";
import type { IRLayer } from "../../ir/types.js";
import { recurrentOp } from "../ops/recurrent-op.js";
import { GATES, type RecurrentType } from "../ops/recurrent-spec.js";
import { foldEmbedding, foldFits } from "../plan/fold-embedding.js";
import { lowerRecurrent, recurrentLayer } from "../plan/lower-recurrent.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import type { LayerLowering, NodeView } from "./lowering.js";

const RECURRENT: ReadonlySet<string> = new Set<RecurrentType>(["SimpleRNN", "LSTM", "GRU"]);

/** The recurrent layer itself: a Bidirectional's inner layer, or the layer. */
function cellLayer(layer: IRLayer): { type: string; options: IRLayer["options"] } {
  const inner = layer.options.layer;
  if (layer.type !== "Bidirectional") return layer;
  return typeof inner === "object" && inner !== null && !Array.isArray(inner) && inner.kind === "layer" ? inner : { type: "?", options: {} };
}

/** The node's initial_state tensors (forward then backward states for a Bidirectional), if given. */
const initialStates = ({ node }: NodeView): string[] => node.keywordInputs?.initial_state ?? [];

/**
 * tfjs-layers' RNN and Bidirectional computeMask: the input's mask on the output sequence(s)
 * with return_sequences, none on a last output or on states. (tfjs-layers' predict gives every
 * output of a layer its first output's mask, states included; no layer reads a mask of a
 * [batch, units] state in a way that changes values, so the states stay unmasked here.)
 */
function recurrentMasks({ layer, node, mask }: NodeView): (string | undefined)[] {
  const sequences = booleanOption(cellLayer(layer).options, "return_sequences") ? mask(node.inputs[0]!) : undefined;
  const outputs = layer.type === "Bidirectional" && (nullableStringOption(layer.options, "merge_mode") ?? "none") === "none" ? 2 : 1;
  return node.outputs.map((_, i) => (i < outputs ? sequences : undefined));
}

/**
 * SimpleRNN, LSTM and GRU, alone or in a Bidirectional, with initial states and masks: a
 * masked step keeps the states, and outputs the kept h (tfjs's rnn()).
 */
const recurrent: LayerLowering = {
  types: ["SimpleRNN", "LSTM", "GRU", "Bidirectional"],
  masks: "applies",
  unsupported({ layer }) {
    const type = cellLayer(layer).type;
    return RECURRENT.has(type) ? undefined : `the executor has no Bidirectional(${type})`;
  },
  outputMasks: recurrentMasks,
  lower(context) {
    const { layer, node, arena, optimizations } = context;
    const lowered = recurrentLayer(layer, context.weight);
    const input = node.inputs[0]!;
    // tfjs-layers passes a layer the mask of its first input only; the states' masks play no part.
    const mask = context.mask(input);
    const states = initialStates(context);
    const width = lowered.cells.length * GATES[lowered.type] * lowered.units;
    const source = optimizations.foldConstants && optimizations.hoistInputProjection ? context.embeddedBy(input) : undefined;
    const fold = source && foldFits(source.table, width)
      ? (packed: PackedMatrix, bias: number) => foldEmbedding(context.kernel, arena, source.table, packed, bias)
      : undefined;
    const spec = lowerRecurrent(layer.name, lowered, arena, optimizations, fold, { initialStates: states.length > 0, masked: mask !== undefined });
    const sequence = spec.projection.kind === "table" ? source!.ids : input;
    context.push(recurrentOp(spec, sequence, states, mask, node.outputs.map((o) => o.id), arena));
  },
};

export const RECURRENT_LOWERINGS: readonly LayerLowering[] = [recurrent];
