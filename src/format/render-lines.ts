import type { Line } from "./line-builder.js";

/** Trailing comments start this many spaces after the longest code of their group. */
const COMMENT_GAP = 2;

/**
 * The text of formatted lines. Trailing comments on consecutive lines are aligned to one
 * column, so a block of commented parameters reads as a table.
 */
export function renderLines(lines: readonly Line[], newline: string): string {
  const columns = commentColumns(lines);
  const text = lines.map((line, i) => {
    const code = line.code === "" ? "" : " ".repeat(line.indent) + line.code;
    if (line.comment === undefined) return trimEnd(code);
    const padding = Math.max(columns[i]! - lastLineWidth(code), COMMENT_GAP);
    return trimEnd(code + " ".repeat(padding) + line.comment);
  });
  return text.join(newline) + newline;
}

/** For each line with a trailing comment, the column its comment starts at (0 for the others). */
function commentColumns(lines: readonly Line[]): number[] {
  const columns = lines.map(() => 0);
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.comment === undefined) {
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.comment !== undefined) end += 1;
    const group = lines.slice(i, end);
    const column = Math.max(...group.map((line) => lastLineWidth(" ".repeat(line.indent) + line.code))) + COMMENT_GAP;
    for (let j = i; j < end; j++) columns[j] = column;
    i = end;
  }
  return columns;
}

/** Width of the last physical line of `text` (a block comment in the code may span lines). */
export function lastLineWidth(text: string): number {
  return text.length - (text.lastIndexOf("\n") + 1);
}

/** Removes trailing blanks from every physical line (block comments included). */
function trimEnd(text: string): string {
  return text.replace(/[ \t]+$/gm, "");
}
