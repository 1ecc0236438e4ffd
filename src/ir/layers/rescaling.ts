import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { requireFloat } from "./input-checks.js";
import { numberOption } from "./option-values.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Rescaling";

/**
 * Keras's Rescaling: x · scale + offset. Arithmetic between a tensor and a constant
 * (`x * 2`, `x - 1`, `x / 4`, `-x`) lowers to it, so compiled models use only standard layers.
 */
export const rescaling: LayerDefinition = {
  type: TYPE,
  family: "core",
  summary: "x · scale + offset, element-wise (what `x * c`, `x + c`, `x / c` and `-x` become).",
  positional: ["scale", "offset"],
  options: optionSchema({ scale: { type: "number" }, offset: { type: "number", default: 0 } }, ["scale"]),
  inputs: { min: 1, max: 1 },
  infer: inferRescaling,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: { name, scale: numberOption(options, "scale"), offset: numberOption(options, "offset") },
  }),
};

function inferRescaling(ctx: InferContext): Inference | undefined {
  if (!requireFloat(ctx, TYPE, 0, "arithmetic with constants works on float32 tensors")) return undefined;
  return { outputs: [{ dtype: "float32", shape: [...ctx.inputs[0].type.shape] }], weights: [] };
}
