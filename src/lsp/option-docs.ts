import type { FunctionDefinition, LayerDefinition } from "../ir/layer-definition.js";
import { functionDefinitions, layerDefinitions } from "../ir/layers/index.js";
import type { OptionValue } from "../ir/types.js";
import { valueText } from "./type-text.js";

/** One option of a layer as editors describe it. */
export interface OptionDoc {
  name: string;
  /** `integer ≥ 1`, `boolean`, `"sum" | "mul" | "concat" | "ave" | none`. */
  type: string;
  required: boolean;
  /** The default in spec syntax (`false`, `"tanh"`, `none`); absent for required options. */
  defaultText?: string;
  /** The allowed values of an enum option, in spec syntax. */
  values?: string[];
}

/** What a callee name stands for: a layer constructor or a function form. */
export type CalleeDefinition =
  | { kind: "layer"; definition: LayerDefinition }
  | { kind: "function"; definition: FunctionDefinition; layer: LayerDefinition };

/** The layer or function a name calls, if nnspec has one by that name. */
export function calleeDefinition(name: string): CalleeDefinition | undefined {
  const layer = layerDefinitions.get(name);
  if (layer !== undefined) return { kind: "layer", definition: layer };
  const fn = functionDefinitions.get(name);
  const created = fn === undefined ? undefined : layerDefinitions.get(fn.layer);
  if (fn !== undefined && created !== undefined) return { kind: "function", definition: fn, layer: created };
  return undefined;
}

/** The options a call of this callee can take by name (a function's fixed options excluded). */
export function calleeOptions(callee: CalleeDefinition): OptionDoc[] {
  if (callee.kind === "layer") return layerOptions(callee.definition);
  const fixed = callee.definition.fixed ?? {};
  return layerOptions(callee.layer).filter((option) => !(option.name in fixed));
}

/**
 * Every option of a layer, in the order its schema lists them. A schema's defaults and enum
 * members are option values by construction (they are what validation fills in and accepts).
 */
export function layerOptions(definition: LayerDefinition): OptionDoc[] {
  const required = new Set(definition.options.required ?? []);
  return Object.entries(definition.options.properties).map(([name, schema]) => {
    const doc: OptionDoc = { name, type: schemaType(schema), required: required.has(name) };
    if ("default" in schema) doc.defaultText = valueText(schema.default as OptionValue);
    if (Array.isArray(schema.enum)) doc.values = (schema.enum as OptionValue[]).map((v) => valueText(v));
    return doc;
  });
}

/** A short description of an option's schema. */
function schemaType(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return (schema.enum as OptionValue[]).map((v) => valueText(v)).join(" | ");
  const kind = schema.nnKind;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => typeof t === "string");
  const nullable = types.includes("null") ? " or none" : "";
  if (kind === "layer" || kind === "regularizer") return `${kind}${nullable}`;
  const base = types.filter((t) => t !== "null").join(" or ") || "value";
  return `${base}${range(schema)}${nullable}`;
}

function range(schema: Record<string, unknown>): string {
  const min = schema.minimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  const closeMax = schema.exclusiveMaximum === undefined ? "]" : ")";
  if (typeof min === "number" && typeof max === "number") return ` in [${min}, ${max}${closeMax}`;
  if (typeof min === "number") return ` ≥ ${min}`;
  if (typeof max === "number") return schema.exclusiveMaximum === undefined ? ` ≤ ${max}` : ` < ${max}`;
  return "";
}
