import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { requireRank } from "./input-checks.js";
import { numberOption } from "./option-values.js";
import { optionSchema, positiveInteger } from "./schema-parts.js";

const TYPE = "RepeatVector";

/** Keras's RepeatVector: [batch, features] → [batch, n, features], e.g. to feed an encoding to a decoder at every step. */
export const repeatVector: LayerDefinition = {
  type: TYPE,
  family: "reshaping",
  summary: "Repeats a [batch, features] input n times: [batch, n, features].",
  positional: ["n"],
  options: optionSchema({ n: positiveInteger() }, ["n"]),
  inputs: { min: 1, max: 1 },
  infer: inferRepeatVector,
  toTfjs: ({ name, options }) => ({ className: TYPE, config: { name, n: numberOption(options, "n") } }),
};

function inferRepeatVector(ctx: InferContext): Inference | undefined {
  if (!requireRank(ctx, TYPE, 0, 2, "[batch, features]")) return undefined;
  const input = ctx.inputs[0];
  const [batch, features] = input.type.shape;
  return { outputs: [{ dtype: input.type.dtype, shape: [batch, numberOption(ctx.options, "n"), features] }], weights: [] };
}
