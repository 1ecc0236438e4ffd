import { normalizeComment } from "./comment-text.js";
import { LineBuilder, type Line } from "./line-builder.js";
import { INDENT, type LayoutUnit } from "./layout-units.js";
import type { SourceItem } from "./source-items.js";
import { layoutUnit } from "./unit-layout.js";

/**
 * Lays out a whole file: each unit on lines of its own, and the comments between units either
 * at the end of the line before (when they were there) or on their own lines. A blank line
 * between statements or comments is kept (one at most); blank lines just inside braces go.
 */
export function layoutFile(items: readonly SourceItem[], units: readonly LayoutUnit[]): Line[] {
  const out = new LineBuilder();
  let next = 0;
  let gapIndent = 0;
  let blockJustOpened = false;
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    const unit = units[next];
    if (unit !== undefined && item.start >= unit.start) {
      let end = i;
      while (end < items.length && items[end]!.start < unit.end) end += 1;
      const closing = unit.role === "close";
      if (closing && blockJustOpened && !out.atLineStart) {
        // An empty block stays on its opening line: `model M {}`.
        out.write("}", !(out.lines.at(-1)?.code.endsWith("{") ?? false));
      } else {
        if (item.newlinesBefore >= 2 && !blockJustOpened && !closing) out.blankLine();
        out.append(layoutUnit(items.slice(i, end), unit.indent));
      }
      blockJustOpened = unit.role === "open";
      gapIndent = blockJustOpened ? unit.indent + INDENT : unit.indent;
      next += 1;
      i = end;
      continue;
    }
    // Between units only comments and `;` remain; the canonical form has no `;`.
    if (item.kind === "comment" && writeGapComment(out, item, gapIndent, blockJustOpened)) blockJustOpened = false;
    i += 1;
  }
  return [...out.lines];
}

/** Writes a comment found between units; true when it went on a line of its own. */
function writeGapComment(out: LineBuilder, comment: SourceItem, indent: number, blockJustOpened: boolean): boolean {
  const text = normalizeComment(comment.image);
  const trailing = comment.newlinesBefore === 0 && !out.atLineStart;
  if (!trailing) {
    if (comment.newlinesBefore >= 2 && !blockJustOpened) out.blankLine();
    out.newline(indent);
  }
  if (comment.type === "LineComment") out.trailingComment(text);
  else out.write(text, trailing);
  return !trailing;
}
