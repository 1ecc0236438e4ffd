import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { requireFloat, requireRank } from "./input-checks.js";
import { numberOption } from "./option-values.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "SinePositionEncoding";

/**
 * keras_nlp's SinePositionEncoding: the fixed sinusoidal position encoding of Vaswani (2017),
 * sin on even features and cos on odd ones, wavelengths from 2π to 2π·max_wavelength. Like
 * keras_nlp's, it returns the encoding, [batch, time, features], for the spec to add to the
 * input. No weights. tfjs-layers has no such layer: it lowers to nnspec's own.
 */
export const sinePositionEncoding: LayerDefinition = {
  type: TYPE,
  family: "embedding",
  summary: "Sinusoidal position encoding (keras_nlp): returns [batch, time, features] to add to the input; no weights.",
  positional: ["max_wavelength"],
  options: optionSchema({ max_wavelength: { type: "number", exclusiveMinimum: 0, default: 10000 } }),
  inputs: { min: 1, max: 1 },
  infer: (ctx: InferContext): Inference | undefined => {
    if (!requireRank(ctx, TYPE, 0, 3, "[batch, time, features]") || !requireFloat(ctx, TYPE, 0)) return undefined;
    return { outputs: [{ dtype: "float32", shape: [...ctx.inputs[0].type.shape] }], weights: [] };
  },
  toTfjs: ({ name, options }) => ({ className: TYPE, config: { name, maxWavelength: numberOption(options, "max_wavelength") } }),
};
