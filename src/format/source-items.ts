import type { IToken } from "chevrotain";

/** A token or a comment of the source, in source order, with the line breaks that precede it. */
export interface SourceItem {
  kind: "token" | "comment";
  /** The lexer's token type name: "Identifier", "Pipe", "LineComment", … */
  type: string;
  image: string;
  /** Offsets of the item's text, [start, end). */
  start: number;
  end: number;
  /** Line breaks in the whitespace between the previous item (or the file start) and this one. */
  newlinesBefore: number;
}

/** Merges the parser's tokens and the lexer's comments into one ordered list. */
export function sourceItems(source: string, tokens: readonly IToken[], comments: readonly IToken[]): SourceItem[] {
  const merged = [
    ...tokens.map((token) => toItem("token", token)),
    ...comments.map((token) => toItem("comment", token)),
  ].sort((a, b) => a.start - b.start);
  let previousEnd = 0;
  for (const item of merged) {
    item.newlinesBefore = countLineBreaks(source, previousEnd, item.start);
    previousEnd = item.end;
  }
  return merged;
}

function toItem(kind: SourceItem["kind"], token: IToken): SourceItem {
  const start = token.startOffset;
  return { kind, type: token.tokenType.name, image: token.image, start, end: start + token.image.length, newlinesBefore: 0 };
}

/** Counts \n, \r\n and lone \r as one break each, as the lexer does. */
function countLineBreaks(source: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}
