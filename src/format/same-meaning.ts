import type { Program } from "../parser/ast.js";

/**
 * The syntax tree without positions, as JSON: two sources with equal shapes mean the same model
 * (parentheses, spacing and quotes leave no trace in the tree; string values are decoded).
 */
export function syntaxShape(program: Program): string {
  return JSON.stringify(program, (key, value: unknown) => (key === "span" ? undefined : value));
}
