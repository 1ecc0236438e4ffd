import { definedAt, describeAxis, describeInput, layerSubject, whereHint } from "../describe.js";
import { addDims, normalizeAxis } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Dim } from "../types.js";
import { matchDims } from "./dim-match.js";
import { requireSameDType } from "./input-checks.js";
import { numberOption } from "./option-values.js";
import { axis, optionSchema } from "./schema-parts.js";

const TYPE = "Concatenate";

/**
 * Keras's Concatenate: joins tensors along `axis`. The other axes must match; the joined axis
 * is the sum of the inputs' sizes, kept symbolic ("T1 + T2") when they are symbols.
 */
export const concatenate: LayerDefinition = {
  type: TYPE,
  family: "merge",
  summary: "Joins two or more tensors along one axis (default the last).",
  positional: ["axis"],
  options: optionSchema({ axis: axis(-1) }),
  inputs: { min: 2, max: null },
  infer: inferConcatenate,
  toTfjs: ({ name, options }) => ({ className: TYPE, config: { name, axis: numberOption(options, "axis") } }),
};

function inferConcatenate(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  const dtype = requireSameDType(ctx, TYPE);
  if (dtype === undefined) return undefined;
  const first = ctx.inputs[0];
  const rank = first.type.shape.length;
  for (const [i, input] of ctx.inputs.entries()) {
    if (input.type.shape.length === rank) continue;
    ctx.error(
      "RankMismatch",
      `${subject} needs inputs of one rank, but ${describeInput(first)} is ${rank}-D and ${describeInput(input)} is ${input.type.shape.length}-D`,
      { input: i },
    );
    return undefined;
  }
  const given = numberOption(ctx.options, "axis");
  const joined = normalizeAxis(given, rank);
  if (joined === null || joined === 0) {
    const why = joined === 0 ? "is the batch axis" : `is out of range for ${describeInput(first)}`;
    ctx.error("AxisOutOfRange", `${subject}: axis ${given} ${why}; inputs are joined along axes 1 to ${rank - 1}`, { option: "axis" });
    return undefined;
  }

  const shape: Dim[] = [...first.type.shape];
  // Which input each dim of `shape` came from, to name it when a later input disagrees.
  const source = shape.map(() => 0);
  for (let i = 1; i < ctx.inputs.length; i++) {
    const input = ctx.inputs[i];
    for (let k = 0; k < rank; k++) {
      const dim = input.type.shape[k];
      if (k === joined) {
        shape[k] = addDims(shape[k], dim);
        continue;
      }
      const match = matchDims(shape[k], dim, "ConcatMismatch");
      if (!match.ok) {
        const other = ctx.inputs[source[k]];
        const hint = match.symbolic ? `; ${whereHint(shape[k], dim)}` : "";
        ctx.error(
          match.code,
          `${subject} joins along axis ${joined}, so the other axes must match, but ${describeAxis(other, k)} and ${describeAxis(input, k)} (${definedAt(other)})${hint}`,
          { input: i },
        );
        return undefined;
      }
      if (match.dim !== shape[k]) source[k] = i;
      shape[k] = match.dim;
    }
  }
  return { outputs: [{ dtype: first.type.dtype, shape }], weights: [] };
}
