import type { IToken } from "chevrotain";
import { tokenize } from "../parser/lexer.js";

/** The call whose parentheses hold the cursor, as far as the text before the cursor tells. */
export interface CallContext {
  /** The name right before the call's `(` (`LSTM`, `dot`, `embedding`); absent for `f(x)(…)`. */
  callee?: string;
  /** Options already given by name. */
  keywords: Set<string>;
  /** How many positional arguments come before the cursor's argument. */
  positional: number;
  /** The cursor starts a new argument (right after `(` or `,`). */
  atArgumentStart: boolean;
  /** The cursor follows `name=`: the option whose value is being written. */
  optionValue?: string;
}

/** What completion needs to know about the cursor. */
export interface CursorContext {
  /** Inside a comment or a string, where names are not code. */
  inText: boolean;
  /** Outside every bracket, where a statement may begin. */
  topLevel: boolean;
  /** Outside every brace too: where imports, blocks and the model are declared. */
  fileLevel: boolean;
  call?: CallContext;
}

/**
 * Reads the cursor's surroundings from tokens, not from the syntax tree: while someone types,
 * the text rarely parses, but its tokens before the cursor still say which call it is in.
 */
export function cursorContext(text: string, offset: number): CursorContext {
  const lexed = tokenize(text);
  const inside = (t: IToken) => t.startOffset < offset && offset < t.startOffset + t.image.length;
  const inComment = lexed.comments.some((c) => inside(c) || (c.tokenType.name === "LineComment" && offset === c.startOffset + c.image.length));
  const inString = lexed.tokens.some((t) => t.tokenType.name.includes("String") && inside(t));
  const before = lexed.tokens.filter((t) => t.startOffset < offset);
  // The name being typed is what completion replaces, not context.
  const last = before.at(-1);
  if (last !== undefined && last.startOffset + last.image.length >= offset && /^[A-Za-z_]/.test(last.image)) before.pop();

  let depth = 0;
  let open = -1;
  let bracketed = false;
  for (let i = before.length - 1; i >= 0; i--) {
    const type = before[i]!.tokenType.name;
    if (type === "RParen" || type === "RBracket") depth += 1;
    else if (type === "LBracket" || type === "LParen") {
      if (depth > 0) {
        depth -= 1;
        continue;
      }
      bracketed = true;
      if (type === "LParen") {
        open = i;
        break;
      }
    }
  }
  const braces = before.reduce((n, t) => n + (t.tokenType.name === "LCurly" ? 1 : t.tokenType.name === "RCurly" ? -1 : 0), 0);
  const context: CursorContext = { inText: inComment || inString, topLevel: !bracketed, fileLevel: !bracketed && braces <= 0 };
  if (open !== -1) context.call = callContext(before, open);
  return context;
}

function callContext(before: readonly IToken[], open: number): CallContext {
  const calleeToken = before[open - 1];
  const call: CallContext = { keywords: new Set(), positional: 0, atArgumentStart: true };
  if (calleeToken?.tokenType.name === "Identifier") call.callee = calleeToken.image;
  let depth = 0;
  let argument: IToken[] = [];
  const finish = () => {
    const keyword = keywordOf(argument);
    if (keyword !== undefined) call.keywords.add(keyword);
    else if (argument.length > 0) call.positional += 1;
  };
  for (const token of before.slice(open + 1)) {
    const type = token.tokenType.name;
    if (depth === 0 && type === "Comma") {
      finish();
      argument = [];
      continue;
    }
    if (type === "LParen" || type === "LBracket") depth += 1;
    if (type === "RParen" || type === "RBracket") depth -= 1;
    argument.push(token);
  }
  call.atArgumentStart = argument.length === 0;
  const current = keywordOf(argument);
  if (current !== undefined && argument.length === 2) call.optionValue = current;
  // The argument under the cursor is named already: do not offer its name again.
  if (current !== undefined) call.keywords.add(current);
  return call;
}

/** The option name of a keyword argument's tokens (`units`, `=`, …). */
function keywordOf(argument: readonly IToken[]): string | undefined {
  const [name, equals] = argument;
  return name?.tokenType.name === "Identifier" && equals?.tokenType.name === "Equals" ? name.image : undefined;
}
