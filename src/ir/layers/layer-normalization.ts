import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { WeightSpec } from "../types.js";
import { initializerSpec } from "./initializers.js";
import { requireFloat } from "./input-checks.js";
import { centerScaleConfig, centerScaleOptions, normalizationWeightShape } from "./normalization-axes.js";
import { axesOption, booleanOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { optionSchema } from "./schema-parts.js";
import { weight } from "./weights.js";

const TYPE = "LayerNormalization";

/**
 * Keras's LayerNormalization: each example is normalized over `axis` (default the last) to
 * mean 0 and variance 1, then scaled by gamma and shifted by beta (both spanning `axis`).
 */
export const layerNormalization: LayerDefinition = {
  type: TYPE,
  family: "normalization",
  summary: "Normalizes each example over axis (default the last), then scales by gamma and shifts by beta.",
  positional: ["axis"],
  options: optionSchema({
    axis: { type: ["integer", "array"], items: { type: "integer" }, minItems: 1, default: -1 },
    epsilon: { type: "number", exclusiveMinimum: 0, default: 1e-3 },
    ...centerScaleOptions(),
  }),
  inputs: { min: 1, max: 1 },
  infer: inferLayerNormalization,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      axis: axesOption(options, "axis"),
      epsilon: numberOption(options, "epsilon"),
      ...centerScaleConfig(options),
    },
  }),
};

function inferLayerNormalization(ctx: InferContext): Inference | undefined {
  if (!requireFloat(ctx, TYPE, 0)) return undefined;
  const axis = axesOption(ctx.options, "axis");
  const shape = normalizationWeightShape(ctx, TYPE, typeof axis === "number" ? [axis] : axis);
  if (!shape) return undefined;
  const options = ctx.options;
  const initialized = (option: string) => initializerSpec(stringOption(options, option));
  const regularized = (option: string) => regularizerOption(options, option);
  // gamma before beta: the order Keras and tfjs-layers create them in.
  const weights: WeightSpec[] = [];
  if (booleanOption(options, "scale")) weights.push(weight("gamma", shape, initialized("gamma_initializer"), regularized("gamma_regularizer")));
  if (booleanOption(options, "center")) weights.push(weight("beta", shape, initialized("beta_initializer"), regularized("beta_regularizer")));
  return { outputs: [{ dtype: "float32", shape: [...ctx.inputs[0].type.shape] }], weights };
}
