import type { ILexingResult, IToken } from "chevrotain";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";
import { invalidNumberMessage } from "./number-literal.js";
import { tokenSpan } from "./positions.js";
import { decodeString } from "./string-literal.js";

// Characters people type by habit from other languages, with what to write instead.
const HINTS: Record<string, string> = {
  "|": " (did you mean '|>'?)",
  "#": " (comments start with '//')",
  "!": " (there is no '!' or '!=': write constraints as 'where a == b')",
};

/** Turns the lexer's errors and error tokens into diagnostics, in source order. */
export function lexingDiagnostics(
  source: string,
  file: string,
  result: ILexingResult,
  comments: readonly IToken[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const error of result.errors) {
    const text = source.slice(error.offset, error.offset + error.length);
    const line = error.line ?? 1;
    const column = error.column ?? 1;
    const span: Span = {
      file,
      start: { offset: error.offset, line, column },
      end: { offset: error.offset + error.length, line, column: column + error.length },
    };
    out.push(diagnostic("UnexpectedCharacter", unexpectedCharactersMessage(text), span));
  }
  for (const token of result.tokens) {
    const name = token.tokenType.name;
    if (name === "InvalidNumber") {
      out.push(diagnostic("InvalidNumber", invalidNumberMessage(token.image), tokenSpan(file, token)));
    } else if (name === "UnterminatedString") {
      const quote = token.image.charAt(0);
      out.push(
        diagnostic(
          "UnterminatedString",
          `unterminated string: add the closing ${quote} before the end of the line`,
          tokenSpan(file, token),
        ),
      );
    }
    if (name === "StringLiteral" || name === "UnterminatedString") out.push(...escapeDiagnostics(file, token));
  }
  for (const comment of comments) {
    if (comment.tokenType.name !== "UnterminatedComment") continue;
    const whole = tokenSpan(file, comment);
    const opener: Span = {
      file,
      start: whole.start,
      end: { offset: whole.start.offset + 2, line: whole.start.line, column: whole.start.column + 2 },
    };
    out.push(diagnostic("UnterminatedComment", "unterminated block comment: '/*' has no matching '*/'", opener));
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function escapeDiagnostics(file: string, token: IToken): Diagnostic[] {
  const start = tokenSpan(file, token).start;
  return decodeString(token.image).problems.map((problem) => {
    const at = { offset: start.offset + problem.offset, line: start.line, column: start.column + problem.offset };
    const end = { offset: at.offset + problem.length, line: at.line, column: at.column + problem.length };
    return diagnostic("SyntaxError", problem.message, { file, start: at, end });
  });
}

/** "unexpected character '@'", naming invisible or unusual characters by code point. */
function unexpectedCharactersMessage(text: string): string {
  const chars = [...text];
  if (chars.length === 1) return `unexpected character ${describeCharacters(chars)}${HINTS[text] ?? ""}`;
  const shown = chars.length > 20 ? `${describeCharacters(chars.slice(0, 20))}…` : describeCharacters(chars);
  return `unexpected characters ${shown}`;
}

function describeCharacters(chars: string[]): string {
  if (chars.every(isVisible)) return `'${chars.join("")}'`;
  return chars.map((ch) => (isVisible(ch) ? `'${ch}'` : codePoint(ch))).join(" ");
}

function isVisible(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code > 0x20 && code < 0x7f) || (code > 0xa0 && !/[\p{C}\p{Z}]/u.test(ch));
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
