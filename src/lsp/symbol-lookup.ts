import type { Span } from "../diagnostics/span.js";
import type { CallInfo, SymbolInfo } from "../ir/lower/symbols.js";
import { spanTouches } from "./ranges.js";

/** A declared name found at a position: the symbol and the occurrence the position is on. */
export interface SymbolHit {
  symbol: SymbolInfo;
  occurrence: Span;
}

/**
 * The symbol whose declaration or one of whose references is at `offset`. An occurrence that
 * contains the offset wins over one that merely ends there (`a|+b` is on `a`, `a+|b` on `b`).
 */
export function symbolAt(symbols: readonly SymbolInfo[], offset: number): SymbolHit | undefined {
  let touching: SymbolHit | undefined;
  for (const symbol of symbols) {
    for (const occurrence of [symbol.span, ...symbol.references]) {
      if (!spanTouches(occurrence, offset)) continue;
      if (offset < occurrence.end.offset) return { symbol, occurrence };
      touching ??= { symbol, occurrence };
    }
  }
  return touching;
}

/** The innermost layer call whose span holds `offset`. */
export function callAt(calls: readonly CallInfo[], offset: number): CallInfo | undefined {
  let best: CallInfo | undefined;
  for (const call of calls) {
    if (call.span.start.offset > offset || offset >= call.span.end.offset) continue;
    const size = call.span.end.offset - call.span.start.offset;
    if (best === undefined || size < best.span.end.offset - best.span.start.offset) best = call;
  }
  return best;
}

/** The name (identifier) at or right before `offset`, with its offsets. */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  const isNameChar = (i: number) => i >= 0 && i < text.length && /[A-Za-z0-9_]/.test(text.charAt(i));
  let start = Math.min(Math.max(offset, 0), text.length);
  let end = start;
  while (isNameChar(start - 1)) start -= 1;
  while (isNameChar(end)) end += 1;
  if (start === end || /[0-9]/.test(text.charAt(start))) return undefined;
  return { word: text.slice(start, end), start, end };
}
