/** A position in source text: 0-based offset, 1-based line and column (column counts UTF-16 units). */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open range of source text [start, end) in one file. */
export interface Span {
  file: string;
  start: Position;
  end: Position;
}

/** The span that covers both `a` and `b` (they must be in the same file). */
export function joinSpans(a: Span, b: Span): Span {
  const start = a.start.offset <= b.start.offset ? a.start : b.start;
  const end = a.end.offset >= b.end.offset ? a.end : b.end;
  return { file: a.file, start, end };
}

/** "14:3": the short form used inside messages ("defined at 14:3"). */
export function formatPosition(span: Span): string {
  return `${span.start.line}:${span.start.column}`;
}

/** A zero-width span at the start of a file, for problems that belong to the whole file. */
export function fileStartSpan(file: string): Span {
  const start = { offset: 0, line: 1, column: 1 };
  return { file, start, end: start };
}
