import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { WeightSpec } from "../types.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { requireFloat } from "./input-checks.js";
import { centerScaleConfig, centerScaleOptions, normalizationWeightShape } from "./normalization-axes.js";
import { booleanOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { axis, initializer, optionSchema } from "./schema-parts.js";
import { weight } from "./weights.js";

const TYPE = "BatchNormalization";

/**
 * Keras's BatchNormalization over the features on `axis`: while training, by the batch's
 * statistics; at inference, by moving averages of them (momentum). The moving mean and
 * variance are weights that training updates itself, not the optimizer: non-trainable, so
 * they count in params but not in trainableParams.
 */
export const batchNormalization: LayerDefinition = {
  type: TYPE,
  family: "normalization",
  summary: "Normalizes each feature by batch statistics (moving averages at inference), then scales and shifts it.",
  positional: ["axis"],
  options: optionSchema({
    axis: axis(-1),
    momentum: { type: "number", minimum: 0, maximum: 1, default: 0.99 },
    epsilon: { type: "number", exclusiveMinimum: 0, default: 1e-3 },
    ...centerScaleOptions(),
    moving_mean_initializer: initializer("zeros"),
    moving_variance_initializer: initializer("ones"),
  }),
  inputs: { min: 1, max: 1 },
  infer: inferBatchNormalization,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: {
      name,
      axis: numberOption(options, "axis"),
      momentum: numberOption(options, "momentum"),
      epsilon: numberOption(options, "epsilon"),
      ...centerScaleConfig(options),
      movingMeanInitializer: tfjsInitializer(stringOption(options, "moving_mean_initializer")),
      movingVarianceInitializer: tfjsInitializer(stringOption(options, "moving_variance_initializer")),
    },
  }),
};

function inferBatchNormalization(ctx: InferContext): Inference | undefined {
  if (!requireFloat(ctx, TYPE, 0)) return undefined;
  const shape = normalizationWeightShape(ctx, TYPE, [numberOption(ctx.options, "axis")]);
  if (!shape) return undefined;
  const options = ctx.options;
  const initialized = (option: string) => initializerSpec(stringOption(options, option));
  const regularized = (option: string) => regularizerOption(options, option);
  // The order Keras and tfjs-layers create them in: gamma, beta, moving mean, moving variance.
  const weights: WeightSpec[] = [];
  if (booleanOption(options, "scale")) weights.push(weight("gamma", shape, initialized("gamma_initializer"), regularized("gamma_regularizer")));
  if (booleanOption(options, "center")) weights.push(weight("beta", shape, initialized("beta_initializer"), regularized("beta_regularizer")));
  weights.push(
    { name: "moving_mean", shape, initializer: initialized("moving_mean_initializer"), trainable: false },
    { name: "moving_variance", shape, initializer: initialized("moving_variance_initializer"), trainable: false },
  );
  return { outputs: [{ dtype: "float32", shape: [...ctx.inputs[0].type.shape] }], weights };
}
