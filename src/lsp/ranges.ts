import type { Position, Range } from "vscode-languageserver/node.js";
import type { Span } from "../diagnostics/span.js";

/** An LSP range (0-based lines, UTF-16 columns) from a span (1-based lines and columns). */
export function spanToRange(span: Span): Range {
  return {
    start: { line: span.start.line - 1, character: span.start.column - 1 },
    end: { line: span.end.line - 1, character: span.end.column - 1 },
  };
}

/** True when the offset lies in the span or right after its end (where a cursor after a name sits). */
export function spanTouches(span: Span, offset: number): boolean {
  return span.start.offset <= offset && offset <= span.end.offset;
}

/** True when `inner` lies within `outer`. */
export function spanWithin(inner: Span, outer: Span): boolean {
  return outer.start.offset <= inner.start.offset && inner.end.offset <= outer.end.offset;
}

/** Spans in source order with duplicates (same start and end) removed. */
export function uniqueSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  const unique: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start.offset - b.start.offset)) {
    const key = `${span.start.offset}:${span.end.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(span);
  }
  return unique;
}

/** The LSP range of offsets [start, end) in `text` (for ranges no span describes). */
export function offsetsToRange(text: string, start: number, end: number): Range {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}

/** The LSP position of an offset, counting \n, \r\n and \r as line breaks like the lexer. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}
