import type { KeywordCxt, KeywordDefinition } from "ajv";
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

/** ajv's code template tag (`_` of the "ajv" module), passed in so that this module does not load ajv. */
export type CodeTag = (strings: TemplateStringsArray, ...values: unknown[]) => unknown;

/**
 * The ajv keyword `nnKind`; null passes, so `type: ["object", "null"]` decides whether none is
 * allowed. Written as generated code (the same tests as isRegularizerValue and isLayerValue), so
 * validators that use it can be compiled ahead of time into standalone code.
 */
export function valueKindKeyword(_: CodeTag): KeywordDefinition {
  return {
    keyword: "nnKind",
    schemaType: "string",
    code(cxt: KeywordCxt) {
      const { data, schema } = cxt;
      const object = _`typeof ${data} == "object" && ${data} !== null`;
      const kind = schema === "regularizer"
        ? _`${data}.kind === "regularizer" && typeof ${data}.l1 == "number" && typeof ${data}.l2 == "number"`
        : _`${data}.kind === "layer" && typeof ${data}.type == "string" && typeof ${data}.options == "object" && ${data}.options !== null`;
      cxt.pass(_`${data} === null || (${object} && ${kind})` as Parameters<KeywordCxt["pass"]>[0]);
    },
  };
}
