/**
 * A string literal in its canonical quotes: double quotes, unless the text contains a double
 * quote (which would then need an escape). `'tanh'` → `"tanh"`, `'it\'s'` → `"it's"`,
 * `'say "hi"'` stays. Escapes other than `\'` are kept as written.
 */
export function canonicalQuotes(literal: string): string {
  if (!literal.startsWith("'")) return literal;
  const body = literal.slice(1, -1);
  if (body.includes('"')) return literal;
  let converted = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch !== "\\") {
      converted += ch;
      continue;
    }
    const next = body.charAt(i + 1);
    // Inside double quotes a single quote needs no escape.
    converted += next === "'" ? "'" : `\\${next}`;
    i += 1;
  }
  return `"${converted}"`;
}
