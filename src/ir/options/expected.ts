import type { OptionValue } from "../types.js";
import { formatOptionValue } from "./format-value.js";

/** One property of an option schema, read defensively: schemas are plain JSON. */
export type PropertySchema = Record<string, unknown>;

const TYPE_WORDS: Record<string, string> = {
  integer: "an integer",
  number: "a number",
  boolean: "true or false",
  string: "a string",
  null: "none",
  object: "a value",
};

/** What an option accepts, for type messages: "an integer or a list of 2 integers". */
export function describeExpected(schema: PropertySchema): string {
  const types = typesOf(schema);
  const nullable = types.includes("null");
  let main: string[];
  if (schema.nnKind === "regularizer") main = ["a regularizer such as l2(0.01)"];
  else if (schema.nnKind === "layer") main = ["a layer such as LSTM(200)"];
  else if (Array.isArray(schema.enum)) return `one of ${describeEnum(schema.enum as OptionValue[])}`;
  else main = types.filter((t) => t !== "null").map((t) => (t === "array" ? describeList(schema) : TYPE_WORDS[t] ?? t));
  const text = main.join(" or ");
  if (!nullable) return text;
  // "a list of integers or nones, or none" reads better with the comma.
  return text.includes(" or ") ? `${text}, or none` : `${text} or none`;
}

/** `"sum", "mul", "concat", "ave", none` */
export function describeEnum(values: readonly OptionValue[]): string {
  return values.map(formatOptionValue).join(", ");
}

/** "at least 1", "in [0, 1)", or undefined when the schema sets no bounds. */
export function describeRange(schema: PropertySchema): string | undefined {
  const min = numberKeyword(schema, "minimum");
  const exclusiveMin = numberKeyword(schema, "exclusiveMinimum");
  const max = numberKeyword(schema, "maximum");
  const exclusiveMax = numberKeyword(schema, "exclusiveMaximum");
  const low = min ?? exclusiveMin;
  const high = max ?? exclusiveMax;
  if (low !== undefined && high !== undefined) {
    return `in ${min !== undefined ? "[" : "("}${low}, ${high}${max !== undefined ? "]" : ")"}`;
  }
  if (min !== undefined) return `at least ${min}`;
  if (exclusiveMin !== undefined) return `greater than ${exclusiveMin}`;
  if (max !== undefined) return `at most ${max}`;
  if (exclusiveMax !== undefined) return `less than ${exclusiveMax}`;
  return undefined;
}

function describeList(schema: PropertySchema): string {
  const items = (schema.items ?? {}) as PropertySchema;
  const itemTypes = typesOf(items).filter((t) => t !== "null");
  const noun = itemTypes.length === 1 && itemTypes[0] === "integer" ? "integers" : "values";
  const orNone = typesOf(items).includes("null") ? " or nones" : "";
  const length = schema.minItems !== undefined && schema.minItems === schema.maxItems ? `${String(schema.minItems)} ` : "";
  return `a list of ${length}${noun}${orNone}`;
}

function typesOf(schema: PropertySchema): string[] {
  const type = schema.type;
  if (typeof type === "string") return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return [];
}

function numberKeyword(schema: PropertySchema, keyword: string): number | undefined {
  const value = schema[keyword];
  return typeof value === "number" ? value : undefined;
}
