import { allTokens } from "../parser/lexer.js";

/**
 * Every word the lexer reserves (keywords and words kept for later versions), read from the
 * token table so a new keyword is known here as soon as the lexer has it.
 */
export const reservedWords: ReadonlySet<string> = new Set(
  allTokens.flatMap((token) => {
    const pattern = token.PATTERN;
    return pattern instanceof RegExp && /^[a-z]+$/.test(pattern.source) ? [pattern.source] : [];
  }),
);

/** Keywords that begin a statement inside a model or block. */
export const statementKeywords: readonly string[] = ["input", "output", "where", "train"].filter((w) => reservedWords.has(w));

/** Keywords that begin a declaration of the file. */
export const declarationKeywords: readonly string[] = ["model", "block", "import"].filter((w) => reservedWords.has(w));

/** Keywords that are values. */
export const valueKeywords: readonly string[] = ["true", "false", "none"];
