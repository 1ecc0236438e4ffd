import type { WhereClause } from "../../parser/ast.js";
import { formatDim } from "../dims.js";
import type { Dim } from "../types.js";
import { lowerDim, type DimNameResolver } from "./dims-lowering.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";

/**
 * Turns `where A == B` clauses into a substitution of symbols by their canonical dim. Each clause
 * joins two classes (union–find); a class that contains a number is represented by that number.
 */
export function solveConstraints(
  wheres: readonly WhereClause[],
  resolve: DimNameResolver,
  sink: DiagnosticSink,
): { substitution: Map<string, Dim>; pairs: [string, Dim][] } {
  const parent = new Map<string, Dim>();
  const find = (dim: Dim): Dim => {
    let current = dim;
    while (typeof current === "string" && parent.has(current)) current = parent.get(current)!;
    return current;
  };

  for (const clause of wheres) {
    const left = lowerDim(clause.left, resolve, sink);
    const right = lowerDim(clause.right, resolve, sink);
    if (left === undefined || right === undefined) continue;
    if (!isSimple(left) || !isSimple(right)) {
      sink.report("InvalidConstraint", "each side of 'where' must be a single symbol or a number", clause.span);
      continue;
    }
    const a = find(left);
    const b = find(right);
    if (a === b) continue;
    if (typeof a === "number" && typeof b === "number") {
      sink.report("InvalidConstraint", `'where' states ${formatDim(left)} == ${formatDim(right)}, but they are ${a} and ${b}`, clause.span);
    } else if (typeof a === "string") {
      parent.set(a, b);
    } else if (typeof b === "string") {
      parent.set(b, a);
    }
  }

  const substitution = new Map<string, Dim>();
  for (const symbol of parent.keys()) substitution.set(symbol, find(symbol));
  return { substitution, pairs: [...substitution.entries()] };
}

/** A bare symbol or a number: the only dims a constraint may equate. */
function isSimple(dim: Dim): boolean {
  return typeof dim === "number" || (typeof dim === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(dim));
}
