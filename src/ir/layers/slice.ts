import { describeInput, layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { Dim, Options } from "../types.js";
import { subtractDims } from "../dims.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Slice";

/** Options of a strided slice, one entry per leading axis (the batch axis is always whole). */
export interface SliceOptions {
  begin: (number | null)[];
  end: (number | null)[];
  strides: number[];
  /** Axes given a single index (`h[:, -1]`): they are removed from the result. */
  squeeze: number[];
}

const intOrNull = { type: ["integer", "null"] };

/**
 * Indexing and slicing in the language: `h[:, -1, :]`, `x[:, 2:10:2]`. Python semantics:
 * negative indices count from the end, a missing start/stop means the whole axis, steps are
 * positive. A tfjs custom layer (tf.stridedSlice) runs it.
 */
export const slice: LayerDefinition = {
  type: TYPE,
  family: "reshaping",
  summary: "Indexes or slices a tensor: h[:, -1, :] (last time step), x[:, 2:10:2].",
  positional: [],
  options: optionSchema(
    {
      begin: { type: "array", items: intOrNull },
      end: { type: "array", items: intOrNull },
      strides: { type: "array", items: { type: "integer", minimum: 1 } },
      squeeze: { type: "array", items: { type: "integer", minimum: 0 }, default: [] },
    },
    ["begin", "end", "strides"],
  ),
  inputs: { min: 1, max: 1 },
  infer: inferSlice,
  toTfjs: ({ name, options }) => ({ className: "NnspecSlice", config: { name, ...sliceOptions(options) } }),
};

export function sliceOptions(options: Options): SliceOptions {
  return options as unknown as SliceOptions;
}

function inferSlice(ctx: InferContext): Inference | undefined {
  const input = ctx.inputs[0];
  const { begin, end, strides, squeeze } = sliceOptions(ctx.options);
  const shape = input.type.shape;
  const subject = layerSubject(TYPE, ctx.layerName);
  if (begin.length > shape.length) {
    ctx.error("AxisOutOfRange", `${subject}: ${begin.length} indices for ${describeInput(input)}, which has ${shape.length} axes`, "call");
    return undefined;
  }
  if (begin[0] !== null || end[0] !== null || strides[0] !== 1 || squeeze.includes(0)) {
    ctx.error("SliceOutOfRange", `${subject}: the batch axis (axis 0) cannot be indexed or sliced; write ':' for it`, "call");
    return undefined;
  }
  const out: Dim[] = [];
  for (let axis = 0; axis < shape.length; axis++) {
    const dim = shape[axis];
    if (axis >= begin.length) {
      out.push(dim);
      continue;
    }
    if (squeeze.includes(axis)) {
      const index = begin[axis] ?? 0;
      if (typeof dim === "number" && (index >= dim || index < -dim)) {
        ctx.error("SliceOutOfRange", `${subject}: index ${index} is out of range for axis ${axis} of ${describeInput(input)}, which has size ${dim}`, "call");
        return undefined;
      }
      continue;
    }
    out.push(sliceLength(dim, begin[axis], end[axis], strides[axis]));
  }
  return { outputs: [{ dtype: input.type.dtype, shape: out }], weights: [] };
}

/** Python's len(range(*slice(start, stop, step).indices(dim))) for a positive step; symbolic where exact. */
export function sliceLength(dim: Dim, start: number | null, stop: number | null, step: number): Dim {
  if (typeof dim === "number") {
    const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + dim : i, 0), dim);
    const from = start === null ? 0 : clamp(start);
    const to = stop === null ? dim : clamp(stop);
    return Math.max(0, Math.ceil((to - from) / step));
  }
  if (dim === null || step !== 1) return null;
  // A symbolic length T: exact only when both ends are measured from the same side.
  if (stop === null && start !== null && start >= 0) return subtractDims(dim, start);
  if (stop === null && start === null) return dim;
  if (stop !== null && stop < 0 && (start === null || start >= 0)) return subtractDims(subtractDims(dim, -stop), start ?? 0);
  if (stop === null && start !== null && start < 0) return null; // -k: k if T ≥ k; not guessed
  return null;
}
