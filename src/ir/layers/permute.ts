import { describeInput, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { intListOption } from "./int-list-option.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Permute";

/**
 * Keras's Permute: reorders the axes after the batch axis. `dims` numbers them from 1 (the
 * batch axis is 0 and stays first): Permute([2, 1]) swaps time and features.
 */
export const permute: LayerDefinition = {
  type: TYPE,
  family: "reshaping",
  summary: "Reorders the non-batch axes; dims numbers them from 1 ([2, 1] swaps the two axes after the batch axis).",
  positional: ["dims"],
  options: optionSchema({ dims: { type: "array", items: { type: "integer", minimum: 1 }, minItems: 1 } }, ["dims"]),
  inputs: { min: 1, max: 1 },
  infer: inferPermute,
  toTfjs: ({ name, options }) => ({ className: TYPE, config: { name, dims: intListOption(options, "dims") } }),
};

function inferPermute(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  const dims = intListOption(ctx.options, "dims");
  const given = `[${dims.join(", ")}]`;
  const isPermutation = [...dims].sort((a, b) => a - b).every((d, i) => d === i + 1);
  if (!isPermutation) {
    ctx.error("OptionRange", `${subject}: dims ${given} is not a permutation of 1 to ${dims.length}; each axis after the batch axis is named once`, {
      option: "dims",
    });
    return undefined;
  }
  const input = ctx.inputs[0];
  const shape = input.type.shape;
  if (dims.length !== shape.length - 1) {
    ctx.error(
      "RankMismatch",
      `${subject}: dims ${given} orders ${dims.length} axes, but ${describeInput(input)} has ${shape.length - 1} after the batch axis`,
      { option: "dims" },
    );
    return undefined;
  }
  return { outputs: [{ dtype: input.type.dtype, shape: [shape[0], ...dims.map((d) => shape[d])] }], weights: [] };
}
