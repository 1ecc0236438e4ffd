import { describeInput, describeInputType, layerSubject, whereHint } from "../describe.js";
import { formatDim } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Shape } from "../types.js";
import { matchDims } from "./dim-match.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { booleanOption, nullableNumberOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { flag, initializer, optionSchema, positiveInteger, regularizer } from "./schema-parts.js";
import { rejectActivityRegularizer } from "./unsupported-options.js";
import { weight } from "./weights.js";

const TYPE = "Embedding";

/** Keras's Embedding: integer token IDs → dense vectors, one row of `embeddings` per ID. */
export const embedding: LayerDefinition = {
  type: TYPE,
  family: "embedding",
  summary: "Maps integer token IDs in [0, input_dim) to vectors of size output_dim.",
  positional: ["input_dim", "output_dim"],
  options: optionSchema(
    {
      input_dim: positiveInteger(),
      output_dim: positiveInteger(),
      input_length: { type: ["integer", "null"], minimum: 1, default: null },
      mask_zero: flag(false),
      embeddings_initializer: initializer("random_uniform"),
      embeddings_regularizer: regularizer(),
      activity_regularizer: regularizer(),
    },
    ["input_dim", "output_dim"],
  ),
  inputs: { min: 1, max: 1 },
  infer: inferEmbedding,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      inputDim: numberOption(options, "input_dim"),
      outputDim: numberOption(options, "output_dim"),
      inputLength: nullableNumberOption(options, "input_length"),
      maskZero: booleanOption(options, "mask_zero"),
      embeddingsInitializer: tfjsInitializer(stringOption(options, "embeddings_initializer")),
      embeddingsRegularizer: tfjsRegularizer(regularizerOption(options, "embeddings_regularizer")),
    },
  }),
};

function inferEmbedding(ctx: InferContext): Inference | undefined {
  if (!rejectActivityRegularizer(ctx, TYPE)) return undefined;
  const input = ctx.inputs[0];
  const subject = layerSubject(TYPE, ctx.layerName);
  if (input.type.dtype !== "int32") {
    ctx.error("DTypeMismatch", `${subject} needs integer token IDs, but ${describeInputType(input)}`, { input: 0 });
    return undefined;
  }
  const shape = inputShapeWithLength(ctx, input.type.shape);
  if (!shape) return undefined;
  const inputDim = numberOption(ctx.options, "input_dim");
  const outputDim = numberOption(ctx.options, "output_dim");
  return {
    outputs: [{ dtype: "float32", shape: [...shape, outputDim] }],
    weights: [
      weight(
        "embeddings",
        [inputDim, outputDim],
        initializerSpec(stringOption(ctx.options, "embeddings_initializer")),
        regularizerOption(ctx.options, "embeddings_regularizer"),
      ),
    ],
  };
}

/** The input shape, with the time dim taken from input_length when that is better known. */
function inputShapeWithLength(ctx: InferContext, shape: Shape): Shape | undefined {
  const length = nullableNumberOption(ctx.options, "input_length");
  if (length === null) return shape;
  const input = ctx.inputs[0];
  const subject = layerSubject(TYPE, ctx.layerName);
  // Keras reads input_length as the one dim after the batch dim, so the input must be [batch, time].
  if (shape.length !== 2) {
    ctx.error(
      "RankMismatch",
      `${subject} has input_length=${length}, which describes a [batch, ${length}] input, but ${describeInput(input)} is ${shape.length}-D`,
      { option: "input_length" },
    );
    return undefined;
  }
  const match = matchDims(shape[1], length, "ShapeMismatch");
  if (!match.ok) {
    const hint = match.symbolic ? `; ${whereHint(shape[1], length)}` : "";
    ctx.error(
      match.code,
      `${subject} has input_length=${length}, but the sequences in ${describeInput(input)} have length ${formatDim(shape[1])}${hint}`,
      { option: "input_length" },
    );
    return undefined;
  }
  return [shape[0], match.dim];
}
