import type { IToken } from "chevrotain";

const OPENERS: Record<string, string> = { LParen: "RParen", LBracket: "RBracket", LCurly: "RCurly" };
const CLOSERS: Record<string, string> = { RParen: "LParen", RBracket: "LBracket", RCurly: "LCurly" };

/** The first token at which ( [ { nest deeper than `limit`, if any (closers of any kind unnest). */
export function firstTooDeep(tokens: readonly IToken[], limit: number): IToken | undefined {
  let depth = 0;
  for (const token of tokens) {
    const name = token.tokenType.name;
    if (name in OPENERS) {
      depth += 1;
      if (depth > limit) return token;
    } else if (name in CLOSERS && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

/**
 * For each token index, the innermost bracket of each kind still open before it, so a message can
 * say "to close '(' opened at 3:14". Each kind is balanced on its own, which stays sensible even
 * when the brackets in the file are mismatched.
 */
export class OpenBrackets {
  private readonly innermost = new Map<string, Int32Array>();

  constructor(private readonly tokens: readonly IToken[]) {}

  /** The opener (`LParen`, `LBracket` or `LCurly`) that a closer at `index` would close. */
  openerFor(closerName: string, index: number): IToken | undefined {
    const openerName = CLOSERS[closerName];
    if (openerName === undefined) return undefined;
    const table = this.table(openerName);
    const at = table[Math.min(index, this.tokens.length)] ?? -1;
    return at >= 0 ? this.tokens[at] : undefined;
  }

  /** table[i] = index of the innermost unclosed `openerName` before token i, or -1. Built once per kind. */
  private table(openerName: string): Int32Array {
    const cached = this.innermost.get(openerName);
    if (cached) return cached;
    const closerName = OPENERS[openerName];
    const table = new Int32Array(this.tokens.length + 1);
    const stack: number[] = [];
    this.tokens.forEach((token, i) => {
      table[i] = stack.at(-1) ?? -1;
      if (token.tokenType.name === openerName) stack.push(i);
      else if (token.tokenType.name === closerName) stack.pop();
    });
    table[this.tokens.length] = stack.at(-1) ?? -1;
    this.innermost.set(openerName, table);
    return table;
  }
}
