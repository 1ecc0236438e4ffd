import type { IToken, TokenType } from "chevrotain";
import { chevrotain } from "./chevrotain-runtime.js";

const { createToken, Lexer } = chevrotain;
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { lexingDiagnostics } from "./lexing-diagnostics.js";
import { matchInvalidNumber } from "./number-literal.js";

/**
 * The token vocabulary of .nnspec. Order in `allTokens` matters: the lexer tries patterns in
 * order, so error patterns (unterminated string/comment, invalid number) come right after the
 * well-formed patterns they shadow, and keywords come before `Identifier`.
 */

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

// Comments are kept in a group (not the parser's input) so that editors can still see them.
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\r\n]*/,
  group: "comments",
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: "comments",
  line_breaks: true,
});
export const UnterminatedComment = createToken({
  name: "UnterminatedComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
  line_breaks: true,
});

export const StringLiteral = createToken({
  name: "StringLiteral",
  label: "string",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"|'(?:[^'\\\r\n]|\\[^\r\n])*'/,
});
// In the StringLiteral category so the parser goes on as if the string were closed:
// the lexing diagnostic is the only error reported for it.
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  label: "string",
  pattern: /["'][^\r\n]*/,
  categories: StringLiteral,
});

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  label: "number",
  pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/,
});
// Tried before NumberLiteral: matches only a number-like run that is not a valid number.
export const InvalidNumber = createToken({
  name: "InvalidNumber",
  label: "number",
  pattern: { exec: matchInvalidNumber },
  line_breaks: false,
  start_chars_hint: [..."0123456789."],
  categories: NumberLiteral,
});

export const Identifier = createToken({
  name: "Identifier",
  label: "name",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
});

function keyword(word: string, categories: TokenType[] = []): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({
    name,
    label: `'${word}'`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories,
  });
}

export const Model = keyword("model");
export const Input = keyword("input");
export const Output = keyword("output");
export const Where = keyword("where");
export const True = keyword("true");
export const False = keyword("false");
export const None = keyword("none");
export const Preprocess = keyword("preprocess");
export const Train = keyword("train");

export const Block = keyword("block");
export const Import = keyword("import");
export const From = keyword("from");

function punctuation(name: string, text: string, categories: TokenType[] = []): TokenType {
  const escaped = text.replace(/[|{}()[\]*+?./\\-]/g, "\\$&");
  return createToken({ name, label: `'${text}'`, pattern: new RegExp(escaped), categories });
}

// Categories let one CONSUME take either operator, which keeps them in source order in the CST.
export const AdditiveOperator = createToken({ name: "AdditiveOperator", pattern: Lexer.NA });
export const MultiplicativeOperator = createToken({ name: "MultiplicativeOperator", pattern: Lexer.NA });

export const LCurly = punctuation("LCurly", "{");
export const RCurly = punctuation("RCurly", "}");
export const LParen = punctuation("LParen", "(");
export const RParen = punctuation("RParen", ")");
export const LBracket = punctuation("LBracket", "[");
export const RBracket = punctuation("RBracket", "]");
export const Comma = punctuation("Comma", ",");
export const Colon = punctuation("Colon", ":");
export const Semicolon = punctuation("Semicolon", ";");
export const EqualsEquals = punctuation("EqualsEquals", "==");
export const Equals = punctuation("Equals", "=");
export const Pipe = punctuation("Pipe", "|>");
export const Plus = punctuation("Plus", "+", [AdditiveOperator]);
export const Minus = punctuation("Minus", "-", [AdditiveOperator]);
export const Star = punctuation("Star", "*", [MultiplicativeOperator]);
export const Slash = punctuation("Slash", "/", [MultiplicativeOperator]);
export const Question = punctuation("Question", "?");

/** Every token type, in the order the lexer tries them. */
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringLiteral,
  UnterminatedString,
  InvalidNumber,
  NumberLiteral,
  Model,
  Input,
  Output,
  Where,
  True,
  False,
  None,
  Preprocess,
  Train,
  Block,
  Import,
  From,
  Identifier,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Semicolon,
  EqualsEquals,
  Equals,
  Pipe,
  Plus,
  Minus,
  Star,
  Slash,
  Question,
  AdditiveOperator,
  MultiplicativeOperator,
];

const lexer = new Lexer([...allTokens], { ensureOptimizations: true });

/** The tokens of a source: `tokens` feed the parser, `comments` are kept for editors. */
export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

/** Splits a source into tokens; every lexing problem becomes a diagnostic, nothing throws. */
export function tokenize(source: string, file = "<input>"): LexResult {
  const result = lexer.tokenize(source);
  const comments = result.groups["comments"] ?? [];
  return {
    tokens: result.tokens,
    comments,
    diagnostics: lexingDiagnostics(source, file, result, comments),
  };
}
