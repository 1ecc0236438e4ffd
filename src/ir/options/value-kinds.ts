import type { KeywordDefinition } from "ajv";
import type { LayerValue, RegularizerValue } from "../types.js";

/**
 * Option values that are not JSON scalars: a regularizer (`l2(0.01)`) or a layer
 * (Bidirectional's `LSTM(200)`). Schemas mark them with the `nnKind` keyword.
 */
export type ValueKind = "regularizer" | "layer";

export function isRegularizerValue(value: unknown): value is RegularizerValue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<RegularizerValue>;
  return v.kind === "regularizer" && typeof v.l1 === "number" && typeof v.l2 === "number";
}

export function isLayerValue(value: unknown): value is LayerValue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<LayerValue>;
  return v.kind === "layer" && typeof v.type === "string" && typeof v.options === "object" && v.options !== null;
}

/** The ajv keyword `nnKind`; null passes, so `type: ["object", "null"]` decides whether none is allowed. */
export const valueKindKeyword: KeywordDefinition = {
  keyword: "nnKind",
  schemaType: "string",
  errors: false,
  validate: (kind: ValueKind, data: unknown) =>
    data === null || (kind === "regularizer" ? isRegularizerValue(data) : isLayerValue(data)),
};
