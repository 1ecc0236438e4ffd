import { describeAxis, describeInput, layerSubject } from "../describe.js";
import { normalizeAxis } from "../dims.js";
import type { InferContext } from "../layer-definition.js";
import type { Options } from "../types.js";
import { tfjsInitializer } from "./initializers.js";
import { booleanOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { flag, initializer, regularizer } from "./schema-parts.js";

/**
 * The input and `axis` checks Layer- and BatchNormalization share. tfjs-layers normalizes with
 * batchNorm2d/3d/4d, so inputs have rank 2 to 4; the axes are the ones the weights span, so
 * their sizes must be known. Returns the weights' shape, or undefined after reporting.
 */
export function normalizationWeightShape(ctx: InferContext, type: string, given: readonly number[]): number[] | undefined {
  const subject = layerSubject(type, ctx.layerName);
  const input = ctx.inputs[0];
  const shape = input.type.shape;
  if (shape.length < 2 || shape.length > 4) {
    ctx.error("RankMismatch", `${subject} takes inputs of rank 2 to 4 (as tfjs-layers does), but ${describeInput(input)} is ${shape.length}-D`, {
      input: 0,
    });
    return undefined;
  }
  const axes: number[] = [];
  for (const axis of given) {
    const normalized = normalizeAxis(axis, shape.length);
    if (normalized === null || normalized === 0) {
      const why = normalized === 0 ? "is the batch axis" : `is out of range for ${describeInput(input)}`;
      ctx.error("AxisOutOfRange", `${subject}: axis ${axis} ${why}; normalize over axes 1 to ${shape.length - 1}`, { option: "axis" });
      return undefined;
    }
    axes.push(normalized);
  }
  if (axes.some((a, i) => i > 0 && a <= axes[i - 1])) {
    // tfjs-layers reshapes the weights assuming increasing axes: any other order would scramble them.
    ctx.error("OptionRange", `${subject}: axis [${given.join(", ")}] must list distinct axes in increasing order`, { option: "axis" });
    return undefined;
  }
  const sizes: number[] = [];
  for (const axis of axes) {
    const size = shape[axis];
    if (typeof size !== "number") {
      ctx.error("UnknownFeatureSize", `${subject} needs the size of each normalized axis as a number (its weights span them), but ${describeAxis(input, axis)}`, {
        input: 0,
      });
      return undefined;
    }
    sizes.push(size);
  }
  return sizes;
}

/** The options of the learned shift and scale both normalisations have: center/beta, scale/gamma, with Keras's defaults. */
export function centerScaleOptions() {
  return {
    center: flag(true),
    scale: flag(true),
    beta_initializer: initializer("zeros"),
    gamma_initializer: initializer("ones"),
    beta_regularizer: regularizer(),
    gamma_regularizer: regularizer(),
  };
}

/** Their tfjs config. */
export function centerScaleConfig(options: Options) {
  return {
    center: booleanOption(options, "center"),
    scale: booleanOption(options, "scale"),
    betaInitializer: tfjsInitializer(stringOption(options, "beta_initializer")),
    gammaInitializer: tfjsInitializer(stringOption(options, "gamma_initializer")),
    betaRegularizer: tfjsRegularizer(regularizerOption(options, "beta_regularizer")),
    gammaRegularizer: tfjsRegularizer(regularizerOption(options, "gamma_regularizer")),
  };
}
