import { describeInput, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition, LayerInput } from "../layer-definition.js";
import { snakeCase } from "../lower/naming.js";
import { getLayerDefinition } from "./index.js";
import { layerOption } from "./option-values.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "TimeDistributed";

/**
 * Keras's TimeDistributed: applies one layer, with one set of weights, to every step along
 * axis 1 of a [batch, time, …] input. The wrapped layer sees [batch, …] and must take one
 * tensor and give one. tfjs-layers names the wrapped weights after the wrapper ("td/kernel"),
 * so the weights are the wrapped layer's, unprefixed.
 */
export const timeDistributed: LayerDefinition = {
  type: TYPE,
  family: "wrappers",
  summary: "Applies a layer to every time step (axis 1) of its input, sharing the weights across steps.",
  positional: ["layer"],
  options: optionSchema({ layer: { type: "object", nnKind: "layer" } }, ["layer"]),
  inputs: { min: 1, max: 1 },
  infer: inferTimeDistributed,
  toTfjs: ({ name, options }) => {
    const inner = layerOption(options, "layer");
    const definition = wrappedDefinition(inner.type);
    return { className: TYPE, config: { name, layer: definition.toTfjs({ name: snakeCase(inner.type), options: inner.options }) } };
  },
};

function inferTimeDistributed(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  const input = ctx.inputs[0];
  const shape = input.type.shape;
  if (shape.length < 3) {
    ctx.error(
      "RankMismatch",
      `${subject} applies its layer at each step of a [batch, time, …] input (rank 3 or more), but ${describeInput(input)} is ${shape.length}-D; apply the layer directly`,
      { input: 0 },
    );
    return undefined;
  }
  const inner = layerOption(ctx.options, "layer");
  const definition = wrappedDefinition(inner.type);
  if (definition.inputs.min > 1) {
    ctx.error("InvalidWrappedLayer", `${subject} wraps a layer applied to one tensor, but ${inner.type} takes ${definition.inputs.min}`, {
      option: "layer",
    });
    return undefined;
  }
  // One time step: the time axis removed. Unnamed, since it is not a tensor of the spec.
  const step: LayerInput = { type: { dtype: input.type.dtype, shape: [shape[0], ...shape.slice(2)] }, span: input.span };
  const inferred = ctx.inferWrapped(inner, [step]);
  if (!inferred) return undefined;
  if (inferred.outputs.length !== 1) {
    ctx.error(
      "InvalidWrappedLayer",
      `${subject} wraps a layer with one output, but this ${inner.type} gives ${inferred.outputs.length} (return_state or merge_mode=none?)`,
      { option: "layer" },
    );
    return undefined;
  }
  const [output] = inferred.outputs;
  return { outputs: [{ dtype: output.dtype, shape: [output.shape[0], shape[1], ...output.shape.slice(1)] }], weights: inferred.weights };
}

/** Layer values are only ever made for registered types, so a miss is a bug in nnspec. */
function wrappedDefinition(type: string): LayerDefinition {
  const definition = getLayerDefinition(type);
  if (!definition) throw new Error(`TimeDistributed wraps an unknown layer type ${type}`);
  return definition;
}
