import type { Expr } from "../../parser/ast.js";

export type ParameterValue = number | string | boolean;
export type ParameterOverrides = Record<string, string | number | boolean>;

/** The literal value of a parameter's right-hand side, or undefined if it is not a plain literal. */
export function literalValue(expr: Expr): ParameterValue | undefined {
  switch (expr.kind) {
    case "Number":
    case "String":
    case "Boolean":
      return expr.value;
    case "Unary":
      return expr.operand.kind === "Number" ? -expr.operand.value : undefined;
    default:
      return undefined;
  }
}

/**
 * Converts an override (a string from `--set`, or a typed API value) to the type of the
 * parameter's default. Returns an error message when it does not fit.
 */
export function coerceOverride(
  name: string,
  given: string | number | boolean,
  defaultValue: ParameterValue,
): { value: ParameterValue } | { error: string } {
  const text = String(given);
  if (typeof defaultValue === "number") {
    const value = typeof given === "number" ? given : text.trim() === "" ? NaN : Number(text);
    if (!Number.isFinite(value)) return { error: `parameter '${name}' is a number (default ${defaultValue}); received '${text}'` };
    if (Number.isInteger(defaultValue) && !Number.isInteger(value)) {
      return { error: `parameter '${name}' is an integer (default ${defaultValue}); received ${text}` };
    }
    return { value };
  }
  if (typeof defaultValue === "boolean") {
    if (given === true || text === "true") return { value: true };
    if (given === false || text === "false") return { value: false };
    return { error: `parameter '${name}' is true or false (default ${defaultValue}); received '${text}'` };
  }
  return { value: text };
}
