import { describeInput, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { convOutputLength } from "./conv-output-length.js";
import { requireFloat, requireRank } from "./input-checks.js";
import { optionSchema } from "./schema-parts.js";
import { checkWindowOptions, nullableWindowOption, paddingOption, windowOption, windowSize } from "./window-options.js";

/**
 * Keras's MaxPooling1D and AveragePooling1D: the maximum or mean of windows of pool_size
 * steps, moved `strides` steps at a time (none: the pool size, so windows do not overlap).
 */
export const maxPooling1d: LayerDefinition = pooling1d(
  "MaxPooling1D",
  "Maximum over windows of pool_size steps: [batch, steps, features] → [batch, fewer steps, features].",
);

export const averagePooling1d: LayerDefinition = pooling1d(
  "AveragePooling1D",
  "Mean over windows of pool_size steps: [batch, steps, features] → [batch, fewer steps, features].",
);

function pooling1d(type: string, summary: string): LayerDefinition {
  return {
    type,
    family: "pooling",
    summary,
    positional: ["pool_size", "strides", "padding"],
    options: optionSchema({
      pool_size: windowSize(2),
      strides: windowSize(null),
      padding: { enum: ["valid", "same"], default: "valid" },
    }),
    inputs: { min: 1, max: 1 },
    infer: (ctx) => inferPooling1d(type, ctx),
    toTfjs: ({ name, options }) => ({
      className: type,
      config: {
        name,
        poolSize: windowOption(options, "pool_size"),
        strides: nullableWindowOption(options, "strides"),
        padding: paddingOption(options),
      },
    }),
  };
}

function inferPooling1d(type: string, ctx: InferContext): Inference | undefined {
  const ok =
    checkWindowOptions(ctx, type, ["pool_size", "strides"]) &&
    requireRank(ctx, type, 0, 3, "[batch, steps, features]") &&
    requireFloat(ctx, type, 0);
  if (!ok) return undefined;
  const input = ctx.inputs[0];
  const [batch, steps, features] = input.type.shape;
  const size = windowOption(ctx.options, "pool_size");
  const stride = nullableWindowOption(ctx.options, "strides") ?? size;
  const length = convOutputLength(steps, size, paddingOption(ctx.options), stride);
  if (typeof length === "number" && length < 1) {
    ctx.error(
      "ShapeMismatch",
      `${layerSubject(type, ctx.layerName)}: pool_size ${size} is more than the ${String(steps)} steps of ${describeInput(input)}; use padding="same" or a smaller pool`,
      { input: 0 },
    );
    return undefined;
  }
  return { outputs: [{ dtype: "float32", shape: [batch, length, features] }], weights: [] };
}
