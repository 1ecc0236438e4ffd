import type { TextSettings } from "./text-settings.js";
import { compileUserRegex } from "./user-regex.js";

/** Splits a cleansed text into tokens. */
export type Splitter = (text: string) => string[];

/**
 * Builds the tokenizer `tokenize` names, for texts already cleansed (single spaces, trimmed):
 * - "whitespace": the runs between white space.
 * - "words": Intl.Segmenter word boundaries (Unicode UAX #29 plus ICU's dictionaries, so
 *   Japanese, Chinese and Thai are split into words with no download), keeping only the
 *   word-like segments: punctuation, spaces and emoji are never tokens.
 * - "characters": grapheme clusters, what a reader sees as one character: `é` written with a
 *   combining accent, `👍🏽` and `👨‍👩‍👧` are one token each; a space between words is a token.
 * - { regex }: each non-empty match is a token (the whole match, not its groups).
 */
export function createSplitter(tokenize: TextSettings["tokenize"], language: string): Splitter {
  if (tokenize === "whitespace") return (text) => (text === "" ? [] : text.split(/\s+/u));
  if (tokenize === "words") {
    const segmenter = new Intl.Segmenter(language, { granularity: "word" });
    return (text) => {
      const tokens: string[] = [];
      for (const piece of segmenter.segment(text)) if (piece.isWordLike) tokens.push(piece.segment);
      return tokens;
    };
  }
  if (tokenize === "characters") {
    const segmenter = new Intl.Segmenter(language, { granularity: "grapheme" });
    return (text) => Array.from(segmenter.segment(text), (piece) => piece.segment);
  }
  const pattern = compileUserRegex(tokenize.regex, "tokenize");
  return (text) => {
    const tokens: string[] = [];
    for (const match of text.matchAll(pattern)) if (match[0] !== "") tokens.push(match[0]);
    return tokens;
  };
}
