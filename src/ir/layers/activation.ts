import { describeInput, layerSubject } from "../describe.js";
import { normalizeAxis } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import { tfjsActivation } from "./activation-names.js";
import { requireFloat } from "./input-checks.js";
import { nullableStringOption, numberOption } from "./option-values.js";
import { activation, axis, optionSchema } from "./schema-parts.js";
import { warnSoftmaxOverSizeOne } from "./softmax-check.js";

/** Keras's Activation: applies an activation function element-wise (softmax over the last axis). */
export const activationLayer: LayerDefinition = {
  type: "Activation",
  family: "activation",
  summary: "Applies an activation function (relu, tanh, softmax over the last axis, …).",
  positional: ["activation"],
  options: optionSchema({ activation: activation() }, ["activation"]),
  inputs: { min: 1, max: 1 },
  infer: (ctx) => {
    if (!requireFloat(ctx, "Activation", 0)) return undefined;
    const shape = [...ctx.inputs[0].type.shape];
    if (nullableStringOption(ctx.options, "activation") === "softmax") {
      warnSoftmaxOverSizeOne(ctx, "Activation", shape, -1, "activation");
    }
    return { outputs: [{ dtype: "float32", shape }], weights: [] };
  },
  toTfjs: ({ name, options }) => ({
    className: "Activation",
    config: { name, activation: tfjsActivation(nullableStringOption(options, "activation")) },
  }),
};

/** Keras's Softmax layer: softmax over `axis` (default the last). */
export const softmaxLayer: LayerDefinition = {
  type: "Softmax",
  family: "activation",
  summary: "Softmax over one axis (default the last): the values along it become positive and sum to 1.",
  positional: ["axis"],
  options: optionSchema({ axis: axis(-1) }),
  inputs: { min: 1, max: 1 },
  infer: inferSoftmax,
  // Always explicit: tfjs-layers' Softmax defaults to axis 1, Keras's to -1.
  toTfjs: ({ name, options }) => ({ className: "Softmax", config: { name, axis: numberOption(options, "axis") } }),
};

function inferSoftmax(ctx: InferContext): Inference | undefined {
  if (!requireFloat(ctx, "Softmax", 0)) return undefined;
  const input = ctx.inputs[0];
  const shape = [...input.type.shape];
  const axisOption = numberOption(ctx.options, "axis");
  if (normalizeAxis(axisOption, shape.length) === null) {
    ctx.error(
      "AxisOutOfRange",
      `${layerSubject("Softmax", ctx.layerName)}: axis ${axisOption} is out of range for ${describeInput(input)} (axes ${-shape.length} to ${shape.length - 1})`,
      { option: "axis" },
    );
    return undefined;
  }
  warnSoftmaxOverSizeOne(ctx, "Softmax", shape, axisOption, "axis");
  return { outputs: [{ dtype: "float32", shape }], weights: [] };
}
