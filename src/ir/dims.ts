import type { Dim, Shape } from "./types.js";

/**
 * Arithmetic on dims. A symbolic dim is kept as a canonical linear expression over symbol
 * names ("T1 + T2", "2*T - 1"), so equal expressions are equal strings and sums of sequence
 * lengths (concatenation along time) stay exact. Unknown (null) absorbs everything.
 */

/** A linear expression: constant + Σ coefficient·symbol. */
interface Linear {
  constant: number;
  terms: Map<string, number>;
}

const TERM = /^([+-])?\s*(?:(\d+)\s*\*\s*)?([A-Za-z_][A-Za-z0-9_]*)$|^([+-])?\s*(\d+)$/;

function toLinear(dim: number | string): Linear {
  if (typeof dim === "number") return { constant: dim, terms: new Map() };
  const linear: Linear = { constant: 0, terms: new Map() };
  // Split before each + or - that starts a term: "T1 + 2*T2 - 3" → ["T1", "+ 2*T2", "- 3"].
  for (const part of dim.replace(/\s+/g, "").split(/(?=[+-])/)) {
    const m = TERM.exec(part);
    if (!m) throw new Error(`malformed symbolic dim '${dim}'`);
    if (m[3] !== undefined) {
      const sign = m[1] === "-" ? -1 : 1;
      const coefficient = sign * (m[2] ? Number(m[2]) : 1);
      linear.terms.set(m[3], (linear.terms.get(m[3]) ?? 0) + coefficient);
    } else {
      linear.constant += (m[4] === "-" ? -1 : 1) * Number(m[5]);
    }
  }
  return linear;
}

function fromLinear(linear: Linear): Dim {
  const names = [...linear.terms.keys()].filter((n) => linear.terms.get(n) !== 0).sort();
  if (names.length === 0) return linear.constant;
  let text = "";
  for (const name of names) {
    const c = linear.terms.get(name)!;
    const magnitude = Math.abs(c) === 1 ? name : `${Math.abs(c)}*${name}`;
    text += text === "" ? (c < 0 ? `-${magnitude}` : magnitude) : c < 0 ? ` - ${magnitude}` : ` + ${magnitude}`;
  }
  if (linear.constant > 0) text += ` + ${linear.constant}`;
  if (linear.constant < 0) text += ` - ${-linear.constant}`;
  return text;
}

/** The dim for a symbol name. */
export function symbolDim(name: string): Dim {
  return name;
}

/** Is this dim a symbolic expression (not a number, not unknown)? */
export function isSymbolic(dim: Dim): dim is string {
  return typeof dim === "string";
}

function combine(a: Dim, b: Dim, sign: 1 | -1): Dim {
  if (a === null || b === null) return null;
  if (typeof a === "number" && typeof b === "number") return a + sign * b;
  const left = toLinear(a);
  const right = toLinear(b);
  left.constant += sign * right.constant;
  for (const [name, c] of right.terms) left.terms.set(name, (left.terms.get(name) ?? 0) + sign * c);
  return fromLinear(left);
}

/** a + b (unknown if either is unknown). */
export function addDims(a: Dim, b: Dim): Dim {
  return combine(a, b, 1);
}

/** a - b (unknown if either is unknown). */
export function subtractDims(a: Dim, b: Dim): Dim {
  return combine(a, b, -1);
}

/** k · a for an integer k. */
export function scaleDim(a: Dim, k: number): Dim {
  if (a === null) return null;
  if (typeof a === "number") return a * k;
  const linear = toLinear(a);
  linear.constant *= k;
  for (const [name, c] of linear.terms) linear.terms.set(name, c * k);
  return fromLinear(linear);
}

/** Product of dims (for Flatten/Reshape): exact when at most one factor is symbolic. */
export function multiplyDims(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === "number") return scaleDim(b, a);
  if (typeof b === "number") return scaleDim(a, b);
  return null; // products of symbols are not linear; nnspec does not guess
}

export type DimComparison = "equal" | "different" | "unknown";

/**
 * Can two dims be shown equal? Unknown is compatible with anything ("unknown"); two different
 * symbolic expressions, or a symbol and a number, are "different" unless a `where` clause
 * made them the same before they got here.
 */
export function compareDims(a: Dim, b: Dim): DimComparison {
  if (a === null || b === null) return "unknown";
  if (typeof a === "number" && typeof b === "number") return a === b ? "equal" : "different";
  return fromLinear(toLinear(a)) === fromLinear(toLinear(b)) ? "equal" : "different";
}

/** Of two dims that must be equal, the better-known one (a number or symbol over unknown). */
export function mergeDims(a: Dim, b: Dim): Dim {
  return a === null ? b : a;
}

/** Rewrites symbols by a substitution map (from `where` clauses). */
export function substituteDim(dim: Dim, substitution: ReadonlyMap<string, Dim>): Dim {
  if (typeof dim !== "string" || substitution.size === 0) return dim;
  let result: Dim = toLinear(dim).constant;
  for (const [name, c] of toLinear(dim).terms) {
    const replacement = substitution.has(name) ? substitution.get(name)! : name;
    result = addDims(result, scaleDim(replacement, c));
  }
  return result;
}

/** The symbol names a dim mentions. */
export function dimSymbols(dim: Dim): string[] {
  return typeof dim === "string" ? [...toLinear(dim).terms.keys()] : [];
}

/** "?" for unknown, else the number or expression. */
export function formatDim(dim: Dim): string {
  return dim === null ? "?" : String(dim);
}

/** "[batch, 20, 400]" */
export function formatShape(shape: Shape): string {
  return `[${shape.map(formatDim).join(", ")}]`;
}

/** The product of all dims if all are known numbers, else null. */
export function knownSize(shape: Shape): number | null {
  let size = 1;
  for (const d of shape) {
    if (typeof d !== "number") return null;
    size *= d;
  }
  return size;
}

/** Normalises a possibly negative axis against a rank; null when out of range. */
export function normalizeAxis(axis: number, rank: number): number | null {
  const a = axis < 0 ? rank + axis : axis;
  return a >= 0 && a < rank ? a : null;
}
