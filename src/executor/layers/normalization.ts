import { axesOption, booleanOption, numberOption } from "../../ir/layers/option-values.js";
import { batchNormOp } from "../ops/norm-batch-op.js";
import { layerNormOp } from "../ops/norm-layer-op.js";
import { positionEmbeddingOp } from "../ops/position-embedding-op.js";
import { sineBase, sinePositionOp, type SineTable } from "../ops/position-sine-op.js";
import { placeArray, placeVector } from "../plan/place-weights.js";
import { passFirstMask, type LayerLowering, type LoweringContext } from "./lowering.js";

/** An axis counted from the front. */
const fromFront = (axis: number, rank: number) => (axis < 0 ? axis + rank : axis);

/** A weight of the layer placed in the arena, when the layer has it (center / scale); 0 when not. */
function optionalVector(context: LoweringContext, name: string): number {
  const values = context.weight(name);
  return values ? placeVector(context.arena, values) : 0;
}

/** All of these support masking in tfjs-layers: the input's mask passes, the values ignore it. */
const PASSES_MASK = { masks: "ignores", outputMasks: passFirstMask } as const;

const layerNormalization: LayerLowering = {
  types: ["LayerNormalization"],
  ...PASSES_MASK,
  lower(context) {
    const { layer, node, rank, push } = context;
    const input = node.inputs[0]!;
    const given = axesOption(layer.options, "axis");
    const axes = (typeof given === "number" ? [given] : given).map((axis) => fromFront(axis, rank(input)));
    const gamma = booleanOption(layer.options, "scale") ? optionalVector(context, "gamma") : 0;
    const beta = booleanOption(layer.options, "center") ? optionalVector(context, "beta") : 0;
    const epsilon = numberOption(layer.options, "epsilon");
    push(layerNormOp(layer.name, input, node.outputs[0]!.id, { axes, gamma, beta, epsilon }));
  },
};

/**
 * BatchNormalization at inference (what tfjs-layers' predict runs): per channel,
 * (x − moving_mean) · gamma / sqrt(moving_variance + epsilon) + beta. The factor
 * gamma / sqrt(variance + epsilon) is worked out here, in double precision as tfjs's batchNorm does.
 * The axis only sizes the weights: see batchNormOp for how tfjs-layers applies them.
 */
const batchNormalization: LayerLowering = {
  types: ["BatchNormalization"],
  ...PASSES_MASK,
  lower(context) {
    const { layer, node, arena, push } = context;
    const mean = context.weight("moving_mean")!;
    const variance = context.weight("moving_variance")!;
    const gamma = booleanOption(layer.options, "scale") ? context.weight("gamma") : undefined;
    const beta = booleanOption(layer.options, "center") ? context.weight("beta") : undefined;
    const epsilon = numberOption(layer.options, "epsilon");
    const factor = variance.map((v, c) => (gamma ? gamma[c]! : 1) / Math.sqrt(v + epsilon));
    const spec = {
      channels: mean.length,
      mean: placeVector(arena, mean),
      factor: placeVector(arena, factor),
      offset: placeVector(arena, beta ?? new Float32Array(mean.length)),
    };
    push(batchNormOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, spec));
  },
};

/** keras_nlp's PositionEmbedding (nnspec's tfjs layer): the learned rows for the input's positions, without the input added. */
const positionEmbedding: LayerLowering = {
  types: ["PositionEmbedding"],
  ...PASSES_MASK,
  lower(context) {
    const { layer, node, arena, push } = context;
    const table = placeArray(arena, context.weight("embeddings")!);
    push(positionEmbeddingOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, table, numberOption(layer.options, "sequence_length")));
  },
};

/** Positions of the sine encoding made when the executor is, when the time axis is symbolic: at most this many… */
const SINE_TABLE_ROWS = 4096;
/** …and at most this many bytes. Longer inputs have theirs made at each call. */
const SINE_TABLE_BYTES = 4 << 20;

/**
 * keras_nlp's SinePositionEncoding (nnspec's tfjs layer): the encoding alone, without the input
 * added. With a known feature size, its positions (all of them for a numeric time axis) are
 * made once, by the kernel's own function, so a call copies them.
 */
const sinePositionEncoding: LayerLowering = {
  types: ["SinePositionEncoding"],
  ...PASSES_MASK,
  lower({ layer, node, arena, kernel, push }) {
    const maxWavelength = numberOption(layer.options, "max_wavelength");
    const [, time, features] = node.outputs[0]!.shape;
    let table: SineTable | undefined;
    if (typeof features === "number" && features > 0) {
      const rows = typeof time === "number" ? time : Math.min(SINE_TABLE_ROWS, Math.floor(SINE_TABLE_BYTES / (4 * features)));
      table = { pointer: arena.reserve(rows * features), rows };
      kernel.sinePositions(table.pointer, rows, features, sineBase(maxWavelength));
    }
    push(sinePositionOp(layer.name, node.inputs[0]!, node.outputs[0]!.id, maxWavelength, table));
  },
};

/** LayerNormalization, BatchNormalization and the position embeddings. */
export const NORMALIZATION_LOWERINGS: readonly LayerLowering[] = [layerNormalization, batchNormalization, positionEmbedding, sinePositionEncoding];
