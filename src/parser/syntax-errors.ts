import type { IRecognitionException, IToken } from "chevrotain";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatPosition, type Span } from "../diagnostics/span.js";
import { OpenBrackets } from "./brackets.js";
import { allTokens } from "./lexer.js";
import { MAX_SYNTAX_ERRORS } from "./parser.js";
import { isRealToken, spanAfter, spanBefore, tokenSpan } from "./positions.js";

const LABELS = new Map(allTokens.map((type) => [type.name, type.LABEL ?? type.name]));
const KEYWORDS = new Set(["Model", "Input", "Output", "Where", "True", "False", "None"]);
const CLOSERS: Record<string, string> = { RParen: "')'", RBracket: "']'", RCurly: "'}'" };
const OPENER_TEXT: Record<string, string> = { RParen: "'('", RBracket: "'['", RCurly: "'{'" };
/** The elements of the rules that hold lists: their closer may come after an element or a ','. */
const LIST_ELEMENTS: Record<string, string> = {
  callSuffix: "an argument",
  argumentList: "an argument",
  list: "a value",
  dimList: "a dim",
};

/** What a rule was looking for when none of its alternatives matched. */
const RULE_WANTS: Record<string, string> = {
  primary: "a value",
  dimAtom: "a dim (a number, a name or '?')",
  statement: "a statement",
};

/** After a reported error, errors at the next few tokens are mostly its echoes: recovery at work. */
const ECHO_WINDOW = 2;

/**
 * Turns the parser's recognition errors into diagnostics with human messages: NN1021 (at the end
 * of the previous token) when a specific token is missing, NN1020 (at the offending token)
 * otherwise. Errors that merely echo an earlier one are dropped: those within a couple of tokens
 * of the last reported error, and those right after a character the lexer already rejected.
 */
export function syntaxDiagnostics(
  errors: readonly IRecognitionException[],
  tokens: readonly IToken[],
  file: string,
  lexingErrorOffsets: readonly number[],
): Diagnostic[] {
  const context = new ErrorContext(tokens, file);
  const located = errors
    .map((error) => ({ error, index: context.indexOf(error.token) }))
    .sort((a, b) => a.index - b.index);
  const out: Diagnostic[] = [];
  let lastIndex = -Infinity;
  for (const { error, index } of located) {
    if (index <= lastIndex + ECHO_WINDOW) continue;
    // An error caused by text the lexer rejected counts as reported (by the lexer).
    if (!followsLexingError(tokens, index, lexingErrorOffsets)) out.push(context.describe(error, index));
    lastIndex = index;
  }
  const last = out.at(-1);
  if (errors.length >= MAX_SYNTAX_ERRORS && last) {
    out.push(diagnostic("SyntaxError", "too many syntax errors: the rest of the file was not checked", last.span));
  }
  return out;
}

/**
 * True if the lexer dropped text between token `index` and the token before it, or if that token
 * is an unterminated string (which swallowed the rest of its line).
 */
function followsLexingError(tokens: readonly IToken[], index: number, offsets: readonly number[]): boolean {
  const previous = tokens[index - 1];
  if (previous?.tokenType.name === "UnterminatedString") return true;
  const gapStart = previous ? previous.startOffset + previous.image.length : 0;
  const gapEnd = tokens[index]?.startOffset ?? Infinity;
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid]! < gapStart) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && offsets[low]! < gapEnd;
}

class ErrorContext {
  private readonly brackets: OpenBrackets;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly file: string,
  ) {
    this.brackets = new OpenBrackets(tokens);
  }

  describe(error: IRecognitionException, index: number): Diagnostic {
    const found = isRealToken(error.token) ? error.token : undefined;
    const previous = this.tokens[index - 1];
    const rule = error.context?.ruleStack?.at(-1) ?? "";
    const at = this.foundSpan(found, previous);
    if (error.name === "MismatchedTokenException") {
      return this.mismatch(error.message, rule, index, found, previous, at);
    }
    if (error.name === "NotAllInputParsedException") {
      return diagnostic("SyntaxError", this.afterModelMessage(found, previous), at);
    }
    const wants = RULE_WANTS[rule] ?? "something else";
    return diagnostic("SyntaxError", `expected ${wants}${this.after(previous)}, found ${this.show(found)}`, at);
  }

  private mismatch(
    expected: string,
    rule: string,
    index: number,
    found: IToken | undefined,
    previous: IToken | undefined,
    at: Span,
  ): Diagnostic {
    // Junk where a repetition ends: an unexpected token rather than a missing one.
    if (rule === "program") return diagnostic("SyntaxError", this.afterModelMessage(found, previous), at);
    if (rule === "modelDecl" && expected === "RCurly" && found && found.tokenType.name !== "Model") {
      return diagnostic("SyntaxError", `expected a statement or '}', found ${this.show(found)}`, at);
    }
    const where = previous ? spanAfter(tokenSpan(this.file, previous)) : spanBefore(at);
    return diagnostic("MissingToken", this.expectedMessage(expected, rule, index, found, previous), where);
  }

  private expectedMessage(
    expected: string,
    rule: string,
    index: number,
    found: IToken | undefined,
    previous: IToken | undefined,
  ): string {
    const foundText = `, found ${this.show(found, expected === "Identifier")}`;
    const closer = CLOSERS[expected];
    if (closer !== undefined) {
      const opener = this.brackets.openerFor(expected, index);
      const element = LIST_ELEMENTS[rule];
      const afterElement = previous !== undefined && !["Comma", "LParen", "LBracket"].includes(previous.tokenType.name);
      const wanted = element === undefined ? closer : afterElement ? `',' or ${closer}` : `${element} or ${closer}`;
      const opened = opener ? ` to close ${OPENER_TEXT[expected]} opened at ${this.position(opener)}` : "";
      return `expected ${wanted}${opened}${foundText}`;
    }
    if (expected === "Equals" && rule === "binding" && previous?.tokenType.name === "Identifier") {
      return `expected '=' or ':' after '${previous.image}'${foundText}`;
    }
    if (expected === "EqualsEquals" && found?.tokenType.name === "Equals") {
      return `expected '=='${this.after(previous)}, found '=' (a constraint compares with '==')`;
    }
    const wanted =
      expected === "Identifier" && rule === "inputDecl" && previous?.tokenType.name === "Colon"
        ? "a dtype such as float32 or int32"
        : expected === "Identifier"
          ? "a name"
          : (LABELS.get(expected) ?? expected);
    return `expected ${wanted}${this.after(previous)}${foundText}`;
  }

  /** Text outside any model: either before the first model or after one ended. */
  private afterModelMessage(found: IToken | undefined, previous: IToken | undefined): string {
    if (previous?.tokenType.name === "RCurly") {
      return `unexpected ${this.show(found)} after the end of the model (the '}' at ${this.position(previous)} closes it)`;
    }
    return `expected 'model', found ${this.show(found)}`;
  }

  /** The offending token's span; for the end of the file, just after the last token. */
  private foundSpan(found: IToken | undefined, previous: IToken | undefined): Span {
    if (found) return tokenSpan(this.file, found);
    const start = { offset: 0, line: 1, column: 1 };
    return previous ? spanAfter(tokenSpan(this.file, previous)) : { file: this.file, start, end: start };
  }

  /** Index of `token` in the token vector; the end of the file (and inserted tokens) map to its end. */
  indexOf(token: IToken): number {
    if (!isRealToken(token)) return this.tokens.length;
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.tokens[mid]!.startOffset < token.startOffset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private after(previous: IToken | undefined): string {
    return previous ? ` after ${this.show(previous)}` : "";
  }

  private show(token: IToken | undefined, expectedName = false): string {
    if (token === undefined) return "the end of the file";
    const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
    const keyword = expectedName && KEYWORDS.has(token.tokenType.name) ? " (a keyword, not usable as a name)" : "";
    return `'${image}'${keyword}`;
  }

  private position(token: IToken): string {
    return formatPosition(tokenSpan(this.file, token));
  }
}
