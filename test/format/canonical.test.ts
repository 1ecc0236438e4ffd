import { describe, expect, it } from "vitest";
import { formatSource } from "../../src/format/index.js";
import { tokenize } from "../../src/parser/lexer.js";
import { formatCases } from "./support.js";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * The same tokens with different whitespace between them: more or fewer spaces, tabs and line
 * breaks, but never a blank line where there was none, never a token run into the next, and
 * the whitespace around comments untouched (it decides which line a comment belongs to).
 */
function rewhitespace(source: string, seed: number): string {
  const next = random(seed);
  const { tokens, comments } = tokenize(source);
  const items = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  const isComment = new Set(comments);
  let out = source.slice(0, items[0]?.startOffset ?? 0);
  items.forEach((item, i) => {
    out += item.image;
    const following = items[i + 1];
    const gapEnd = following?.startOffset ?? source.length;
    const gap = source.slice(item.startOffset + item.image.length, gapEnd);
    if (following === undefined || isComment.has(item) || isComment.has(following) || /\n\s*\n/.test(gap)) {
      out += gap;
      return;
    }
    const choices = gap === "" ? ["", " ", "\t", "\n    "] : [" ", "   ", "\t", "\n", "\n        "];
    out += choices[Math.floor(next() * choices.length)];
  });
  return out;
}

describe("one canonical layout", () => {
  const specs = formatCases().filter((s) => formatSource(s.source, s.path).text !== undefined);

  it.each(specs.map((s) => [s.path, s] as const))("%s: any spacing of its tokens formats the same", (path, spec) => {
    const canonical = formatSource(spec.source, path).text;
    for (let seed = 1; seed <= 5; seed++) {
      const variant = rewhitespace(spec.source, seed);
      expect(formatSource(variant, path).text).toBe(canonical);
    }
  });
});
