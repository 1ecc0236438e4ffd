import { definedAt, describeAxis, describeInput, layerSubject, whereHint } from "../describe.js";
import type { InferContext, LayerInput } from "../layer-definition.js";
import type { Dim, TensorType } from "../types.js";
import { matchDims } from "./dim-match.js";
import { requireFloat } from "./input-checks.js";

/**
 * The inputs of the attention layers, Keras's way: (query, value) or (query, value, key),
 * the key defaulting to the value. Each is [batch…, time, features]: query [… , Tq, dq],
 * value [… , Tv, dv], key [… , Tv, dk].
 */
export interface AttentionShapes {
  query: LayerInput;
  key: LayerInput;
  /** The index of the key among the inputs: 2 when given, else the value's 1. */
  keyIndex: number;
  /** The dims before time, shared by all inputs: [batch], or [batch, heads] for ScaledDotProductAttention. */
  leading: Dim[];
  queryLength: Dim;
  valueLength: Dim;
  queryFeatures: Dim;
  keyFeatures: Dim;
  valueFeatures: Dim;
}

/**
 * Checks what every attention layer needs of its inputs: float32, a rank in [minRank, maxRank],
 * the same leading dims, and key and value of one length (each key step scores its value step).
 */
export function attentionShapes(ctx: InferContext, type: string, minRank = 3, maxRank = 3): AttentionShapes | undefined {
  const [query, value] = ctx.inputs;
  const keyIndex = ctx.inputs.length > 2 ? 2 : 1;
  const key = ctx.inputs[keyIndex];
  if (!ctx.inputs.every((_, i) => requireAttentionInput(ctx, type, i, minRank, maxRank))) return undefined;
  const leading = sharedLeadingDims(ctx, type);
  if (!leading) return undefined;

  const time = query.type.shape.length - 2;
  const length = matchDims(value.type.shape[time], key.type.shape[time], "ShapeMismatch");
  if (!length.ok) {
    const hint = length.symbolic ? `; ${whereHint(value.type.shape[time], key.type.shape[time])}` : "";
    ctx.error(
      length.code,
      `${layerSubject(type, ctx.layerName)}: each key step scores one value step, but ${describeAxis(key, time)} and ${describeAxis(value, time)} (${definedAt(value)})${hint}`,
      { input: keyIndex },
    );
    return undefined;
  }
  return {
    query,
    key,
    keyIndex,
    leading,
    queryLength: query.type.shape[time],
    valueLength: length.dim,
    queryFeatures: query.type.shape[time + 1],
    keyFeatures: key.type.shape[time + 1],
    valueFeatures: value.type.shape[time + 1],
  };
}

/** Input `index` is float32 with a rank in [minRank, maxRank]. */
function requireAttentionInput(ctx: InferContext, type: string, index: number, minRank: number, maxRank: number): boolean {
  if (!requireFloat(ctx, type, index)) return false;
  const input = ctx.inputs[index];
  const rank = input.type.shape.length;
  if (rank >= minRank && rank <= maxRank) return true;
  const role = INPUT_NAMES[index];
  const wanted = minRank === maxRank ? `a ${minRank}-D ${role} [batch, time, features]` : `a ${role} of rank ${minRank} or more [batch, …, time, features]`;
  ctx.error("RankMismatch", `${layerSubject(type, ctx.layerName)} needs ${wanted}, but ${describeInput(input)} is ${rank}-D`, { input: index });
  return false;
}

/** The dims before time, which every input must share: [batch], or [batch, heads]. */
function sharedLeadingDims(ctx: InferContext, type: string): Dim[] | undefined {
  const subject = layerSubject(type, ctx.layerName);
  const query = ctx.inputs[0];
  const rank = query.type.shape.length;
  const leading = query.type.shape.slice(0, -2);
  for (const [i, input] of ctx.inputs.entries()) {
    if (input.type.shape.length !== rank) {
      const ranks = `${describeInput(query)} is ${rank}-D and ${describeInput(input)} is ${input.type.shape.length}-D`;
      ctx.error("RankMismatch", `${subject} needs inputs of one rank, but ${ranks}`, { input: i });
      return undefined;
    }
    for (let axis = 0; axis < rank - 2; axis++) {
      const match = matchDims(leading[axis], input.type.shape[axis], "ShapeMismatch");
      if (!match.ok) {
        const hint = match.symbolic ? `; ${whereHint(leading[axis], input.type.shape[axis])}` : "";
        const differ = `${describeAxis(query, axis)} but ${describeAxis(input, axis)}${hint}`;
        ctx.error(match.code, `${subject}: the ${INPUT_NAMES[i]}'s leading dims differ from the query's: ${differ}`, { input: i });
        return undefined;
      }
      leading[axis] = match.dim;
    }
  }
  return leading;
}

/** Dot-product scores need query and key vectors of one size; reports at the key. */
export function requireMatchingQueryKey(ctx: InferContext, type: string, shapes: AttentionShapes, why: string): boolean {
  const match = matchDims(shapes.queryFeatures, shapes.keyFeatures, "ShapeMismatch");
  if (match.ok) return true;
  const last = shapes.query.type.shape.length - 1;
  const hint = match.symbolic ? `; ${whereHint(shapes.queryFeatures, shapes.keyFeatures)}` : "";
  ctx.error(
    match.code,
    `${layerSubject(type, ctx.layerName)}: ${why}, but ${describeAxis(shapes.query, last)} and ${describeAxis(shapes.key, last)} (${definedAt(shapes.key)})${hint}`,
    { input: shapes.keyIndex },
  );
  return false;
}

/** A feature size the layer's weights depend on, as a number; reports at `input` otherwise. */
export function requireKnownSize(ctx: InferContext, type: string, input: number, dim: Dim, role: string): number | undefined {
  if (typeof dim === "number") return dim;
  const tensor = ctx.inputs[input];
  ctx.error(
    "UnknownFeatureSize",
    `${layerSubject(type, ctx.layerName)} needs the ${role} feature size as a number (its weights depend on it), but ${describeInput(tensor)} has ${dim ?? "?"} there`,
    { input },
  );
  return undefined;
}

/** The attended values [… , Tq, dv], and with return_attention_scores the attention weights [… , Tq, Tv]. */
export function attentionOutputs(shapes: AttentionShapes, returnScores: boolean): TensorType[] {
  const output: TensorType = { dtype: "float32", shape: [...shapes.leading, shapes.queryLength, shapes.valueFeatures] };
  if (!returnScores) return [output];
  return [output, { dtype: "float32", shape: [...shapes.leading, shapes.queryLength, shapes.valueLength] }];
}

const INPUT_NAMES = ["query", "value", "key"];
