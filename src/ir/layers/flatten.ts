import { describeInput, layerSubject } from "../describe.js";
import { formatDim, knownSize } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Flatten";

/**
 * Keras's Flatten: [batch, a, b, …] → [batch, a·b·…]. tfjs-layers needs every axis but the
 * batch axis known when it builds the model, and rank 3 or more, so nnspec asks the same.
 */
export const flatten: LayerDefinition = {
  type: TYPE,
  family: "reshaping",
  summary: "Flattens each example to one axis: [batch, a, b, …] becomes [batch, a·b·…].",
  positional: [],
  options: optionSchema({}),
  inputs: { min: 1, max: 1 },
  infer: inferFlatten,
  toTfjs: ({ name }) => ({ className: TYPE, config: { name } }),
};

function inferFlatten(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  const input = ctx.inputs[0];
  const rest = input.type.shape.slice(1);
  if (rest.length < 2) {
    ctx.error(
      "RankMismatch",
      `${subject} needs an input of rank 3 or more (tfjs-layers does not flatten what is already flat), but ${describeInput(input)} is ${rest.length + 1}-D`,
      { input: 0 },
    );
    return undefined;
  }
  const size = knownSize(rest);
  if (size === null) {
    const axis = rest.findIndex((d) => typeof d !== "number") + 1;
    ctx.error(
      "UnknownFeatureSize",
      `${subject} needs every axis but the batch axis as a number (tfjs-layers builds the flat size into the model), but ${describeInput(input)} has ${formatDim(input.type.shape[axis])} at axis ${axis}`,
      { input: 0 },
    );
    return undefined;
  }
  return { outputs: [{ dtype: input.type.dtype, shape: [input.type.shape[0], size] }], weights: [] };
}
