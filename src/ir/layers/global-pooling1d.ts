import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { requireFloat, requireRank } from "./input-checks.js";
import { optionSchema } from "./schema-parts.js";

/** Keras's GlobalMaxPooling1D and GlobalAveragePooling1D: [batch, steps, features] → [batch, features]. */
export const globalMaxPooling1d: LayerDefinition = globalPooling1d(
  "GlobalMaxPooling1D",
  "Maximum over all steps: [batch, steps, features] → [batch, features].",
);

export const globalAveragePooling1d: LayerDefinition = globalPooling1d(
  "GlobalAveragePooling1D",
  "Mean over all steps: [batch, steps, features] → [batch, features].",
);

function globalPooling1d(type: string, summary: string): LayerDefinition {
  return {
    type,
    family: "pooling",
    summary,
    positional: [],
    options: optionSchema({}),
    inputs: { min: 1, max: 1 },
    infer: (ctx: InferContext): Inference | undefined => {
      if (!requireRank(ctx, type, 0, 3, "[batch, steps, features]") || !requireFloat(ctx, type, 0)) return undefined;
      const [batch, , features] = ctx.inputs[0].type.shape;
      return { outputs: [{ dtype: "float32", shape: [batch, features] }], weights: [] };
    },
    toTfjs: ({ name }) => ({ className: type, config: { name } }),
  };
}
