import { normalizeComment } from "./comment-text.js";
import { LineBuilder } from "./line-builder.js";
import { lastLineWidth } from "./render-lines.js";
import type { SourceItem } from "./source-items.js";
import { canonicalQuotes } from "./string-quotes.js";
import { isUnaryMinus, NO_SPACE_BEFORE, spaceBetween } from "./token-spacing.js";

/** A line longer than this breaks its statement's pipe chain, one stage per line. */
export const MAX_WIDTH = 100;

/**
 * Continuation lines (pipe stages, code after a comment) are indented this much more than their
 * statement, and as much again for each bracket still open.
 */
const CONTINUATION = 2;

/**
 * Lays out one unit (a statement, a body's head or its closing brace): on one line, or, when
 * that line would pass MAX_WIDTH or a line comment sits inside a pipe chain, with each `|>` of
 * the statement's top-level pipe starting a continuation line.
 */
export function layoutUnit(items: readonly SourceItem[], indent: number): LineBuilder {
  const flat = writeUnit(items, indent, false);
  if (!hasTopLevelPipe(items)) return flat;
  const tooWide = flat.lines.some((line) => line.indent + lastLineWidth(line.code) > MAX_WIDTH);
  const commented = items.some((item) => item.type === "LineComment");
  return tooWide || commented ? writeUnit(items, indent, true) : flat;
}

function writeUnit(items: readonly SourceItem[], indent: number, breakPipes: boolean): LineBuilder {
  const out = new LineBuilder();
  out.newline(indent);
  const continuation = indent + CONTINUATION;
  let depth = 0;
  let previous: SourceItem | undefined;
  let previousUnary = false;
  let afterComment = false;
  items.forEach((item, index) => {
    const nested = continuation + CONTINUATION * depth;
    if (item.kind === "comment") {
      writeComment(out, item, nested, previous);
      afterComment = true;
      return;
    }
    if (item.type === "Semicolon" || isTrailingComma(items, index)) return;
    // A line break the source had after a comment stays: the comment was about what follows.
    if (afterComment && item.newlinesBefore > 0) out.newline(nested);
    if (breakPipes && item.type === "Pipe" && depth === 0) out.newline(continuation);
    const space =
      previous === undefined
        ? false
        : afterComment
          ? !NO_SPACE_BEFORE.has(item.type)
          : spaceBetween(previous, previousUnary, item, depth > 0);
    out.write(item.type === "StringLiteral" ? canonicalQuotes(item.image) : item.image, space);
    if (item.type === "LParen" || item.type === "LBracket") depth += 1;
    if (item.type === "RParen" || item.type === "RBracket") depth -= 1;
    previousUnary = isUnaryMinus(previous, item);
    previous = item;
    afterComment = false;
  });
  return out;
}

/**
 * A comment inside a statement. One that had its own line keeps it (at the continuation
 * indent); a line comment after code stays at the end of that line; a block comment after
 * code stays inline.
 */
function writeComment(out: LineBuilder, comment: SourceItem, continuation: number, previous: SourceItem | undefined): void {
  const text = normalizeComment(comment.image);
  const ownLine = comment.newlinesBefore > 0 || out.atLineStart;
  if (comment.type === "LineComment") {
    if (ownLine) out.newline(continuation);
    out.trailingComment(text);
    out.newline(continuation);
    return;
  }
  if (ownLine) out.newline(continuation);
  const opener = previous?.type === "LParen" || previous?.type === "LBracket";
  out.write(text, !ownLine && !opener);
}

/** A `,` right before a closing bracket: allowed, but the canonical form leaves it out. */
function isTrailingComma(items: readonly SourceItem[], index: number): boolean {
  if (items[index]!.type !== "Comma") return false;
  for (let i = index + 1; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "token") return item.type === "RParen" || item.type === "RBracket" || item.type === "RCurly";
  }
  return false;
}

function hasTopLevelPipe(items: readonly SourceItem[]): boolean {
  let depth = 0;
  for (const item of items) {
    if (item.type === "LParen" || item.type === "LBracket") depth += 1;
    else if (item.type === "RParen" || item.type === "RBracket") depth -= 1;
    else if (item.type === "Pipe" && depth === 0) return true;
  }
  return false;
}
