import type { Span } from "../diagnostics/span.js";
import { drawLine } from "./terminal-text.js";

/** The first source line of a span as drawn in a terminal, and where to underline it. */
export interface Excerpt {
  /** 1-based line number, as the span reports it. */
  line: number;
  /** The line with tabs expanded and control characters made visible. */
  text: string;
  /** 0-based terminal column of the caret. */
  column: number;
  /** Columns to underline, at least 1: a caret, then tildes. */
  width: number;
}

const isLineBreak = (char: string | undefined): boolean => char === "\n" || char === "\r";

/**
 * Cuts the line holding `span.start` out of `source`. A zero-width span, or one at the end of
 * a line, underlines one column; a span running onto later lines underlines to the end of its
 * first line. Returns undefined when the span lies outside the text (a stale or foreign span).
 */
export function excerpt(source: string, span: Span): Excerpt | undefined {
  let start = span.start.offset;
  if (!Number.isInteger(start) || start < 0 || start > source.length) return undefined;
  // An offset between "\r" and "\n" belongs to the line the "\r" ends.
  if (source[start] === "\n" && source[start - 1] === "\r") start -= 1;

  let lineStart = start;
  while (lineStart > 0 && !isLineBreak(source[lineStart - 1])) lineStart--;
  let lineEnd = start;
  while (lineEnd < source.length && !isLineBreak(source[lineEnd])) lineEnd++;

  const requestedEnd = Number.isInteger(span.end.offset) ? span.end.offset : start;
  const end = Math.min(Math.max(requestedEnd, start), lineEnd);
  const drawn = drawLine(source.slice(lineStart, lineEnd));
  const column = drawn.columns[start - lineStart];
  const width = Math.max(1, drawn.columns[end - lineStart] - column);
  return { line: span.start.line, text: drawn.text, column, width };
}
