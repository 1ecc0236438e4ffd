import type { CodeName } from "../../diagnostics/codes.js";
import { definedAt, describeAxis, layerSubject, whereHint } from "../describe.js";
import type { InferContext, Inference, LayerDefinition, LayerInput } from "../layer-definition.js";
import type { Dim } from "../types.js";
import { matchDims } from "./dim-match.js";
import { requireSameDType } from "./input-checks.js";
import { optionSchema } from "./schema-parts.js";

/**
 * Keras's element-wise merges (Add, Subtract, Multiply, Average, Maximum, Minimum). Shapes
 * follow Keras's (and tfjs-layers') broadcasting: the batch dims must match; the other dims
 * are aligned from the right, and a dim of 1 (or a missing leading dim) stretches to the other.
 */
function elementwise(type: string, summary: string, maxInputs: number | null): LayerDefinition {
  return {
    type,
    family: "merge",
    summary,
    positional: [],
    options: optionSchema({}),
    inputs: { min: 2, max: maxInputs },
    infer: (ctx) => inferElementwise(type, ctx),
    toTfjs: ({ name }) => ({ className: type, config: { name } }),
  };
}

export const add = elementwise("Add", "Element-wise sum of two or more tensors of the same shape.", null);
// tfjs-layers 4.22 has no Subtract class: the backend builds a - b as Add(a, Rescaling(-1)(b)).
export const subtract = elementwise("Subtract", "Element-wise difference a - b of two tensors of the same shape.", 2);
export const multiply = elementwise("Multiply", "Element-wise product of two or more tensors of the same shape.", null);
export const average = elementwise("Average", "Element-wise mean of two or more tensors of the same shape.", null);
export const maximum = elementwise("Maximum", "Element-wise maximum of two or more tensors of the same shape.", null);
export const minimum = elementwise("Minimum", "Element-wise minimum of two or more tensors of the same shape.", null);

/** A dim of the result, with the input and axis it was taken from (for messages). */
interface Sourced {
  dim: Dim;
  input: number;
  axis: number;
}

/** A held dim that the dim at `axis` of a later input cannot be shown equal to. */
interface Clash {
  held: Sourced;
  axis: number;
  code: CodeName;
  symbolic: boolean;
}

function inferElementwise(type: string, ctx: InferContext): Inference | undefined {
  const dtype = requireSameDType(ctx, type);
  if (dtype === undefined) return undefined;
  const first = ctx.inputs[0];
  let batch: Sourced = { dim: first.type.shape[0], input: 0, axis: 0 };
  // The non-batch dims, compared right-aligned with each further input.
  let held: Sourced[] = first.type.shape.slice(1).map((dim, k) => ({ dim, input: 0, axis: k + 1 }));
  for (let i = 1; i < ctx.inputs.length; i++) {
    const input = ctx.inputs[i];
    // The batch dims must match: they never broadcast.
    const batchMatch = matchDims(batch.dim, input.type.shape[0], "ShapeMismatch");
    if (!batchMatch.ok) {
      reportClash(ctx, type, i, { held: batch, axis: 0, code: batchMatch.code, symbolic: batchMatch.symbolic });
      return undefined;
    }
    batch = { ...batch, dim: batchMatch.dim };
    const next = broadcast(held, input, i);
    if ("clash" in next) {
      reportClash(ctx, type, i, next.clash);
      return undefined;
    }
    held = next.dims;
  }
  return { outputs: [{ dtype, shape: [batch.dim, ...held.map((s) => s.dim)] }], weights: [] };
}

/** Broadcasts the held dims with one more input's non-batch dims. */
function broadcast(held: Sourced[], input: LayerInput, index: number): { dims: Sourced[] } | { clash: Clash } {
  const incoming: Sourced[] = input.type.shape.slice(1).map((dim, k) => ({ dim, input: index, axis: k + 1 }));
  const length = Math.max(held.length, incoming.length);
  const dims: Sourced[] = [];
  for (let k = 0; k < length; k++) {
    // Right-aligned: the shorter shape has no dim at the first positions.
    const a = held[held.length - length + k];
    const b = incoming[incoming.length - length + k];
    if (a === undefined || b === undefined) {
      dims.push((a ?? b)!);
    } else if (a.dim === 1) {
      dims.push(b);
    } else if (b.dim === 1) {
      dims.push(a);
    } else {
      const match = matchDims(a.dim, b.dim, "ShapeMismatch");
      if (!match.ok) return { clash: { held: a, axis: b.axis, code: match.code, symbolic: match.symbolic } };
      dims.push(match.dim === a.dim ? a : b);
    }
  }
  return { dims };
}

function reportClash(ctx: InferContext, type: string, index: number, clash: Clash): void {
  const input = ctx.inputs[index];
  const other = ctx.inputs[clash.held.input];
  const hint = clash.symbolic ? `; ${whereHint(clash.held.dim, input.type.shape[clash.axis])}` : "";
  ctx.error(
    clash.code,
    `${layerSubject(type, ctx.layerName)} needs inputs of the same shape (a dim of 1 broadcasts), but ` +
      `${describeAxis(other, clash.held.axis)} and ${describeAxis(input, clash.axis)} (${definedAt(other)})${hint}`,
    { input: index },
  );
}
