import { definedAt, describeAxis, describeInput, layerSubject, whereHint } from "../describe.js";
import { normalizeAxis } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Dim } from "../types.js";
import { matchDims } from "./dim-match.js";
import { requireFloat } from "./input-checks.js";
import { axesOption, booleanOption } from "./option-values.js";
import { flag, optionSchema } from "./schema-parts.js";

const TYPE = "Dot";

/**
 * Keras's Dot: a batched dot product of two tensors over one axis of each (`axes`), e.g.
 * attention scores dot([u, v], axes=2). The output is the first shape without its axis,
 * then the second shape without its axis and without the batch dim.
 */
export const dot: LayerDefinition = {
  type: TYPE,
  family: "merge",
  summary: "Batched dot product of two tensors over one axis of each (axes=2, or axes=[2, 1]).",
  positional: ["axes", "normalize"],
  options: optionSchema(
    {
      axes: { type: ["integer", "array"], items: { type: "integer" }, minItems: 2, maxItems: 2 },
      normalize: flag(false),
    },
    ["axes"],
  ),
  inputs: { min: 2, max: 2 },
  infer: inferDot,
  toTfjs: ({ name, options }) => ({
    className: TYPE,
    config: { name, axes: axesOption(options, "axes"), normalize: booleanOption(options, "normalize") },
  }),
};

function inferDot(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  if (!requireFloat(ctx, TYPE, 0) || !requireFloat(ctx, TYPE, 1)) return undefined;
  for (const [i, input] of ctx.inputs.entries()) {
    const rank = input.type.shape.length;
    // tfjs-layers' Dot handles ranks 2 and 3 only (Keras goes higher).
    if (rank < 2 || rank > 3) {
      ctx.error("RankMismatch", `${subject} takes inputs of rank 2 or 3, but ${describeInput(input)} is ${rank}-D`, { input: i });
      return undefined;
    }
  }
  const axes = contractedAxes(ctx);
  if (!axes) return undefined;
  const [a, b] = ctx.inputs;
  const [shapeA, shapeB] = [a.type.shape, b.type.shape];

  const batch = matchDims(shapeA[0], shapeB[0], "ShapeMismatch");
  if (!batch.ok) {
    const hint = batch.symbolic ? `; ${whereHint(shapeA[0], shapeB[0])}` : "";
    ctx.error(batch.code, `${subject}: the batch dims differ: ${describeAxis(a, 0)} but ${describeAxis(b, 0)}${hint}`, { input: 1 });
    return undefined;
  }
  const contracted = matchDims(shapeA[axes[0]], shapeB[axes[1]], "DotAxisMismatch");
  if (!contracted.ok) {
    const hint = contracted.symbolic ? `; ${whereHint(shapeA[axes[0]], shapeB[axes[1]])}` : "";
    ctx.error(
      contracted.code,
      `${subject}: ${describeAxis(a, axes[0])} but ${describeAxis(b, axes[1])} (${definedAt(b)})${hint}`,
      { input: 0 },
    );
    return undefined;
  }
  const shape: Dim[] = [batch.dim, ...shapeA.filter((_, i) => i !== 0 && i !== axes[0]), ...shapeB.filter((_, i) => i !== 0 && i !== axes[1])];
  // Keras keeps the result at least 2-D: two vectors give [batch, 1].
  if (shape.length === 1) shape.push(1);
  return { outputs: [{ dtype: "float32", shape }], weights: [] };
}

/** The axis contracted in each input, non-negative; the batch axis cannot be one. */
function contractedAxes(ctx: InferContext): [number, number] | undefined {
  const option = axesOption(ctx.options, "axes");
  const given = typeof option === "number" ? [option, option] : option;
  const axes: number[] = [];
  for (const [i, input] of ctx.inputs.entries()) {
    const rank = input.type.shape.length;
    const axis = normalizeAxis(given[i], rank);
    const subject = layerSubject(TYPE, ctx.layerName);
    if (axis === null) {
      ctx.error(
        "AxisOutOfRange",
        `${subject}: axis ${given[i]} is out of range for ${describeInput(input)} (axes 1 to ${rank - 1}, or ${-rank + 1} to -1)`,
        { option: "axes" },
      );
      return undefined;
    }
    if (axis === 0) {
      ctx.error("AxisOutOfRange", `${subject}: axis 0 of ${describeInput(input)} is the batch axis, which dot cannot contract`, {
        option: "axes",
      });
      return undefined;
    }
    axes.push(axis);
  }
  return [axes[0], axes[1]];
}
