import { describeAxis, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { requireFloat, requireKnownFeatures, requireRank } from "./input-checks.js";
import { numberOption, stringOption } from "./option-values.js";
import { initializer, optionSchema, positiveInteger } from "./schema-parts.js";
import { weight } from "./weights.js";

const TYPE = "PositionEmbedding";

/**
 * keras_nlp's PositionEmbedding: a learned vector per position, up to sequence_length. Like
 * keras_nlp's, it returns the position embeddings for the input's length, [batch, time,
 * features], and leaves adding them to the input to the spec: `x + PositionEmbedding(512)(x)`.
 * tfjs-layers has no such layer: it lowers to nnspec's own (src/backend/custom).
 */
export const positionEmbedding: LayerDefinition = {
  type: TYPE,
  family: "embedding",
  summary: "Learned position embeddings (keras_nlp): returns [batch, time, features] to add to the input; time ≤ sequence_length.",
  positional: ["sequence_length"],
  options: optionSchema({ sequence_length: positiveInteger(), initializer: initializer("glorot_uniform") }, ["sequence_length"]),
  inputs: { min: 1, max: 1 },
  infer: inferPositionEmbedding,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      sequenceLength: numberOption(options, "sequence_length"),
      initializer: tfjsInitializer(stringOption(options, "initializer")),
    },
  }),
};

function inferPositionEmbedding(ctx: InferContext): Inference | undefined {
  if (!requireRank(ctx, TYPE, 0, 3, "[batch, time, features]") || !requireFloat(ctx, TYPE, 0)) return undefined;
  const features = requireKnownFeatures(ctx, TYPE, 0);
  if (features === undefined) return undefined;
  const input = ctx.inputs[0];
  const length = numberOption(ctx.options, "sequence_length");
  const time = input.type.shape[1];
  if (typeof time === "number" && time > length) {
    ctx.error(
      "ShapeMismatch",
      `${layerSubject(TYPE, ctx.layerName)} has sequence_length=${length}, the most positions it embeds, but ${describeAxis(input, 1)}`,
      { option: "sequence_length" },
    );
    return undefined;
  }
  return {
    outputs: [{ dtype: "float32", shape: [...input.type.shape] }],
    weights: [weight("embeddings", [length, features], initializerSpec(stringOption(ctx.options, "initializer")), null)],
  };
}
