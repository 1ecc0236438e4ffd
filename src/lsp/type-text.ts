import { formatShape } from "../ir/dims.js";
import { formatOptionValue } from "../ir/options/format-value.js";
import type { LayerValue, OptionValue, Options, TensorType } from "../ir/types.js";

/** `float32[batch, 20, 400]`. */
export function typeText(type: TensorType): string {
  return `${type.dtype}${formatShape(type.shape)}`;
}

/** `float32[batch, 8]`, or `(float32[batch, 8], float32[batch, 8])` for several tensors. */
export function typesText(types: readonly TensorType[]): string {
  return types.length === 1 ? typeText(types[0]!) : `(${types.map(typeText).join(", ")})`;
}

/** 160200 → "160,200". */
export function countText(n: number): string {
  return n.toLocaleString("en-US");
}

/**
 * A layer with all its options as it could be written in a spec, one option per line:
 * `Dense(\n  units=200,\n  activation="tanh",\n  …\n)`. Wrapped layers are laid out the same way, indented.
 */
export function layerText(type: string, options: Options, indent = ""): string {
  const entries = Object.entries(options);
  if (entries.length === 0) return `${type}()`;
  const inner = `${indent}  `;
  const lines = entries.map(([name, value]) => `${inner}${name}=${valueText(value, inner)},`);
  return `${type}(\n${lines.join("\n")}\n${indent})`;
}

/** An option value in spec syntax: `"tanh"`, `none`, `[2, 1]`, `l2(0.01)`, a nested layer. */
export function valueText(value: OptionValue, indent = ""): string {
  if (Array.isArray(value)) return `[${value.map((v) => valueText(v, indent)).join(", ")}]`;
  if (isLayer(value)) return layerText(value.type, value.options, indent);
  return formatOptionValue(value);
}

function isLayer(value: OptionValue): value is LayerValue {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "layer";
}
