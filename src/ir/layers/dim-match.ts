import type { CodeName } from "../../diagnostics/codes.js";
import { compareDims, isSymbolic, mergeDims } from "../dims.js";
import type { Dim } from "../types.js";

/** Two dims that must be equal: the better-known of them, or why they cannot be shown equal. */
export type DimMatch = { ok: true; dim: Dim } | { ok: false; code: CodeName; symbolic: boolean };

/**
 * Matches two dims that must be equal. Unknown matches anything (keeping the better-known dim);
 * a difference involving a symbol is a SymbolMismatch (a `where` may settle it), any other
 * difference is reported with `code`.
 */
export function matchDims(a: Dim, b: Dim, code: CodeName): DimMatch {
  switch (compareDims(a, b)) {
    case "equal":
      return { ok: true, dim: a };
    case "unknown":
      return { ok: true, dim: mergeDims(a, b) };
    case "different": {
      const symbolic = isSymbolic(a) || isSymbolic(b);
      return { ok: false, code: symbolic ? "SymbolMismatch" : code, symbolic };
    }
  }
}
