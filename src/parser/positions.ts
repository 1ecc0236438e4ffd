import type { IToken } from "chevrotain";
import type { Position, Span } from "../diagnostics/span.js";

/** False for tokens that error recovery inserted: they have NaN positions and no text. */
export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset) && token.isInsertedInRecovery !== true;
}

/** The span of a real token (chevrotain's end offsets and columns are inclusive; spans' are not). */
export function tokenSpan(file: string, token: IToken): Span {
  const start = { offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1 };
  const endOffset = (token.endOffset ?? token.startOffset + token.image.length - 1) + 1;
  const end = {
    offset: endOffset,
    line: token.endLine ?? start.line,
    column: (token.endColumn ?? start.column + token.image.length - 1) + 1,
  };
  return { file, start, end };
}

/** A zero-width span at the end of `span`: where something missing should have been. */
export function spanAfter(span: Span): Span {
  return { file: span.file, start: span.end, end: span.end };
}

/** A zero-width span at the start of `span`. */
export function spanBefore(span: Span): Span {
  return { file: span.file, start: span.start, end: span.start };
}

/**
 * The position of `offset` in `source`, counting lines the way the lexer does (\n, \r\n, \r).
 * Linear in `offset`: meant for the few positions not carried by a token.
 */
export function positionAt(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) !== 10)) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The span of `length` characters at `offset` on one line. */
export function spanAt(source: string, file: string, offset: number, length: number): Span {
  const start = positionAt(source, offset);
  return { file, start, end: { offset: offset + length, line: start.line, column: start.column + length } };
}
