import { describeInput, layerSubject, whereHint } from "../describe.js";
import { formatDim, isSymbolic, multiplyDims, scaleDim } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Dim, Shape } from "../types.js";
import { matchDims } from "./dim-match.js";
import { intListOption } from "./int-list-option.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Reshape";

/**
 * Keras's Reshape: the same values in a new shape (the batch axis stays). One entry of
 * target_shape may be -1, the size that keeps the number of values. tfjs-layers works that
 * entry out only when the model runs (its built model has an unknown there), so nnspec gives
 * it as unknown too, unless the input has a symbolic length it divides exactly
 * ([batch, T, 512] to [-1, 8, 64] is [batch, T, 8, 64]): tfjs sees symbols as unknown anyway.
 */
export const reshape: LayerDefinition = {
  type: TYPE,
  family: "reshaping",
  summary: "Gives each example a new shape with the same number of values; one entry of target_shape may be -1.",
  positional: ["target_shape"],
  options: optionSchema({ target_shape: { type: "array", items: { type: "integer", minimum: -1 } } }, ["target_shape"]),
  inputs: { min: 1, max: 1 },
  infer: inferReshape,
  toTfjs: ({ name, options }) => ({ className: TYPE, config: { name, targetShape: intListOption(options, "target_shape") } }),
};

function inferReshape(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  const target = intListOption(ctx.options, "target_shape");
  const given = `[${target.join(", ")}]`;
  const wildcards = target.filter((d) => d === -1).length;
  if (target.includes(0) || wildcards > 1) {
    const why = wildcards > 1 ? `has ${wildcards} entries of -1` : "has an entry of 0";
    ctx.error("OptionRange", `${subject}: target_shape ${given} ${why}; entries are sizes of at least 1, and at most one may be -1`, {
      option: "target_shape",
    });
    return undefined;
  }
  const input = ctx.inputs[0];
  const rest = input.type.shape.slice(1);
  const values = rest.reduce<Dim>((product, d) => multiplyDims(product, d), 1);
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const out: Shape = [input.type.shape[0], ...target];

  if (wildcards === 0) {
    const match = matchDims(values, known, "ShapeMismatch");
    if (!match.ok) {
      const hint = match.symbolic ? `; ${whereHint(values, known)}` : "";
      ctx.error(
        match.code,
        `${subject}: target_shape ${given} holds ${known} values per example, but ${describeInput(input)} has ${formatDim(values)}${hint}`,
        { option: "target_shape" },
      );
      return undefined;
    }
    return { outputs: [{ dtype: input.type.dtype, shape: out }], weights: [] };
  }
  if (typeof values === "number" && values % known !== 0) {
    ctx.error(
      "ShapeMismatch",
      `${subject}: target_shape ${given} needs a multiple of ${known} values per example, but ${describeInput(input)} has ${values}`,
      { option: "target_shape" },
    );
    return undefined;
  }
  out[target.indexOf(-1) + 1] = wildcardDim(rest, known);
  return { outputs: [{ dtype: input.type.dtype, shape: out }], weights: [] };
}

/** The -1 entry: symbolic when one symbolic length times numbers divides exactly, else unknown. */
function wildcardDim(rest: Shape, known: number): Dim {
  const symbols = rest.filter(isSymbolic);
  if (symbols.length !== 1 || rest.includes(null)) return null;
  const numeric = rest.filter((d): d is number => typeof d === "number").reduce((a, b) => a * b, 1);
  return numeric % known === 0 ? scaleDim(symbols[0], numeric / known) : null;
}
