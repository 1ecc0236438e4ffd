import type { Position, Span } from "../../../src/diagnostics/span.js";

/** The position of a 0-based offset in `source`, with 1-based line and column as the lexer reports them. */
export function positionAt(source: string, offset: number): Position {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { offset, line, column };
}

/** The span of the `occurrence`-th (0-based) appearance of `text` in `source`. */
export function spanOf(source: string, text: string, file = "model.nnspec", occurrence = 0): Span {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = source.indexOf(text, offset + 1);
    if (offset === -1) throw new Error(`'${text}' occurs fewer than ${occurrence + 1} times`);
  }
  return { file, start: positionAt(source, offset), end: positionAt(source, offset + text.length) };
}

/** A zero-width span at `offset`. */
export function pointAt(source: string, offset: number, file = "model.nnspec"): Span {
  const position = positionAt(source, offset);
  return { file, start: position, end: position };
}
