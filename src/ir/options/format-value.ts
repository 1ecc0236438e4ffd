import type { OptionValue } from "../types.js";

/** An option value as the user would write it in a spec: `"avg"`, `none`, `[2, 1]`, `l2(0.01)`. */
export function formatOptionValue(value: OptionValue | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "none";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatOptionValue).join(", ")}]`;
  if (value.kind === "layer") return `a ${value.type} layer`;
  if (value.l2 === 0) return `l1(${value.l1})`;
  if (value.l1 === 0) return `l2(${value.l2})`;
  return `l1_l2(l1=${value.l1}, l2=${value.l2})`;
}
