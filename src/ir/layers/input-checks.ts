import { describeInput, describeInputType, layerSubject } from "../describe.js";
import { formatDim } from "../dims.js";
import type { InferContext, LayerInput } from "../layer-definition.js";
import type { DType } from "../types.js";

/**
 * Checks on a layer's inputs that many shape rules share. Each reports at the offending input
 * and returns whether the input passed, so a rule can stop before using a bad shape.
 */

/** The input must have exactly `rank` dims; `layout` shows them: "[batch, time, features]". */
export function requireRank(ctx: InferContext, type: string, index: number, rank: number, layout: string): boolean {
  const input = ctx.inputs[index];
  if (input.type.shape.length === rank) return true;
  ctx.error(
    "RankMismatch",
    `${layerSubject(type, ctx.layerName)} needs a ${rank}-D input ${layout}, but ${describeInput(input)} is ${input.type.shape.length}-D`,
    { input: index },
  );
  return false;
}

/** The input must have at least `rank` dims. */
export function requireMinRank(ctx: InferContext, type: string, index: number, rank: number, layout: string): boolean {
  const input = ctx.inputs[index];
  if (input.type.shape.length >= rank) return true;
  ctx.error(
    "RankMismatch",
    `${layerSubject(type, ctx.layerName)} needs an input of rank ${rank} or more ${layout}, but ${describeInput(input)} is ${input.type.shape.length}-D`,
    { input: index },
  );
  return false;
}

/** The input must be float32; `hint` says what the user probably meant. */
export function requireFloat(ctx: InferContext, type: string, index: number, hint?: string): boolean {
  const input = ctx.inputs[index];
  if (input.type.dtype === "float32") return true;
  const advice = hint ? `; ${hint}` : "";
  ctx.error("DTypeMismatch", `${layerSubject(type, ctx.layerName)} needs a float32 input, but ${describeInputType(input)}${advice}`, {
    input: index,
  });
  return false;
}

/** The size of the input's last axis as a number: weight shapes depend on it. */
export function requireKnownFeatures(ctx: InferContext, type: string, index: number): number | undefined {
  const input: LayerInput = ctx.inputs[index];
  const shape = input.type.shape;
  const last = shape[shape.length - 1];
  if (typeof last === "number") return last;
  ctx.error(
    "UnknownFeatureSize",
    `${layerSubject(type, ctx.layerName)} needs the size of the last axis of its input as a number (its weights depend on it), ` +
      `but ${describeInput(input)} has ${formatDim(last ?? null)} there`,
    { input: index },
  );
  return undefined;
}

/** All inputs must share one dtype; returns it, or undefined after reporting the first that differs. */
export function requireSameDType(ctx: InferContext, type: string): DType | undefined {
  const [first, ...rest] = ctx.inputs;
  for (const [i, input] of rest.entries()) {
    if (input.type.dtype === first.type.dtype) continue;
    ctx.error(
      "DTypeMismatch",
      `${layerSubject(type, ctx.layerName)} needs inputs of one dtype, but ${describeInputType(first)} and ${describeInputType(input)}`,
      { input: i + 1 },
    );
    return undefined;
  }
  return first.type.dtype;
}
