import { booleanOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import type { IRLayer } from "../../ir/types.js";
import { recurrentOp } from "../ops/recurrent-op.js";
import { foldEmbedding, foldFits } from "../plan/fold-embedding.js";
import { lowerRecurrent, recurrentLayer } from "../plan/lower-recurrent.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import type { LayerLowering, NodeView } from "./lowering.js";

const RECURRENT = new Set(["SimpleRNN", "LSTM"]);

/** The recurrent layer itself: a Bidirectional's inner layer, or the layer. */
function cellLayer(layer: IRLayer): { type: string; options: IRLayer["options"] } {
  const inner = layer.options.layer;
  if (layer.type !== "Bidirectional") return layer;
  return typeof inner === "object" && inner !== null && !Array.isArray(inner) && inner.kind === "layer" ? inner : { type: "?", options: {} };
}

/**
 * tfjs-layers' RNN and Bidirectional computeMask: the input's mask on the output sequence(s)
 * with return_sequences, none on a last output or on states.
 */
function recurrentMasks({ layer, node, mask }: NodeView): (string | undefined)[] {
  const options = cellLayer(layer).options;
  const sequences = booleanOption(options, "return_sequences") ? mask(node.inputs[0]!) : undefined;
  const outputs = layer.type === "Bidirectional" && (nullableStringOption(layer.options, "merge_mode") ?? "none") === "none" ? 2 : 1;
  return node.outputs.map((_, i) => (i < outputs ? sequences : undefined));
}

const recurrent: LayerLowering = {
  types: ["SimpleRNN", "LSTM", "Bidirectional"],
  unsupported({ layer, node }) {
    const type = cellLayer(layer).type;
    if (!RECURRENT.has(type)) return `the executor has no Bidirectional(${type}) yet`;
    const keywordTensors = Object.values(node.keywordInputs ?? {}).flat().length;
    if (node.inputs.length > 1 || keywordTensors > 0) return "initial_state: the executor does not take initial states yet";
    return undefined;
  },
  outputMasks: recurrentMasks,
  lower(context) {
    const { layer, node, arena, optimizations } = context;
    const lowered = recurrentLayer(layer, context.weight);
    const input = node.inputs[0]!;
    const width = lowered.cells.length * (lowered.type === "LSTM" ? 4 : 1) * numberOption(lowered.options, "units");
    const source = optimizations.foldConstants && optimizations.hoistInputProjection ? context.embeddedBy(input) : undefined;
    const fold = source && foldFits(source.table, width)
      ? (packed: PackedMatrix, bias: number) => foldEmbedding(context.kernel, arena, source.table, packed, bias)
      : undefined;
    const spec = lowerRecurrent(layer.name, lowered, arena, optimizations, fold);
    context.push(recurrentOp(spec, spec.projection.kind === "table" ? source!.ids : input, node.outputs.map((o) => o.id), arena));
  },
};

export const RECURRENT_LOWERINGS: readonly LayerLowering[] = [recurrent];
