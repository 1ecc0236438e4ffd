/** A bad escape sequence inside a string token, located relative to the token's first character. */
export interface EscapeProblem {
  offset: number;
  length: number;
  message: string;
}

export interface DecodedString {
  value: string;
  problems: EscapeProblem[];
}

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "'": "'", n: "\n", t: "\t" };

/**
 * Decodes a string token's text (with its quotes; the closing one may be missing when the string
 * is unterminated). Bad escapes are kept literally in the value and listed as problems.
 */
export function decodeString(raw: string): DecodedString {
  const quote = raw.charAt(0);
  const closed = raw.length >= 2 && raw.endsWith(quote) && !isEscapedAt(raw, raw.length - 1);
  const bodyEnd = closed ? raw.length - 1 : raw.length;
  const problems: EscapeProblem[] = [];
  let value = "";
  let i = 1;
  while (i < bodyEnd) {
    const ch = raw.charAt(i);
    if (ch !== "\\") {
      value += ch;
      i += 1;
      continue;
    }
    const next = raw.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      value += simple;
      i += 2;
    } else if (next === "u" && /^[0-9A-Fa-f]{4}$/.test(raw.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      // A backslash that ends an unterminated string escapes nothing: underline it alone.
      const length = i + 1 >= bodyEnd ? 1 : 2;
      const shown = raw.slice(i, i + length);
      problems.push({
        offset: i,
        length,
        message:
          next === "u"
            ? `invalid escape '${shown}' in a string: '\\u' takes exactly 4 hex digits (e.g. \\u00e9)`
            : `invalid escape '${shown}' in a string: use \\\\, \\", \\', \\n, \\t or \\uXXXX`,
      });
      value += shown;
      i += length;
    }
  }
  return { value, problems };
}

/** True if the character at `index` is preceded by an odd number of backslashes. */
function isEscapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text.charAt(i) === "\\"; i--) backslashes += 1;
  return backslashes % 2 === 1;
}
