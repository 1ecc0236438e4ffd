import type { SourceItem } from "./source-items.js";

/** Tokens after which a value is complete: a `(` or `[` that follows one is a call or a shape. */
const VALUE_ENDS = new Set(["Identifier", "NumberLiteral", "StringLiteral", "True", "False", "None", "RParen", "RBracket", "Question"]);

export const NO_SPACE_BEFORE: ReadonlySet<string> = new Set(["Comma", "RParen", "RBracket", "Colon", "Semicolon"]);
const OPENERS = new Set(["LParen", "LBracket"]);

/** A `-` is unary unless it follows a complete value (then it subtracts). */
export function isUnaryMinus(previous: SourceItem | undefined, token: SourceItem): boolean {
  return token.type === "Minus" && (previous === undefined || !VALUE_ENDS.has(previous.type));
}

/**
 * Whether one space separates two adjacent tokens on a line. `insideBrackets` is true inside
 * parentheses and brackets, where `=` joins a keyword argument to its value (`units=200`) and
 * `:` the parts of a slice (`h[:, 2:10]`) without spaces; outside, `:` starts a type (`x: [3]`).
 */
export function spaceBetween(previous: SourceItem, previousIsUnary: boolean, next: SourceItem, insideBrackets: boolean): boolean {
  if (next.type === "Colon") return insideBrackets && previous.type === "Comma";
  if (NO_SPACE_BEFORE.has(next.type)) return false;
  if (OPENERS.has(previous.type) || previousIsUnary) return false;
  if (previous.type === "Colon") return !insideBrackets;
  if (previous.type === "Equals" || next.type === "Equals") return !insideBrackets;
  // `f(x)`, `int32[batch]`: a call or a shape; `= (a + b)`, `: [batch]`: a group or a list.
  if (OPENERS.has(next.type)) return !VALUE_ENDS.has(previous.type);
  return true;
}
