import type { CustomPatternMatcherReturn } from "chevrotain";

/** A well-formed number: 12, 0.5, .5, 1e-3, 2.5E+4. */
const VALID_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A number-like run: it starts like a number and goes on with anything a number or name could hold. */
const NUMBER_LIKE_RUN = /(?:\d|\.\d)(?:[eE][+-]|[0-9A-Za-z_.])*/y;

/**
 * Lexer pattern for a malformed number (`1e`, `12abc`, `1.2.3`, `3.`). It matches the whole run,
 * so the problem is reported once for the run rather than as a number followed by a name.
 */
export function matchInvalidNumber(text: string, offset: number): CustomPatternMatcherReturn | null {
  NUMBER_LIKE_RUN.lastIndex = offset;
  const run = NUMBER_LIKE_RUN.exec(text)?.[0];
  if (run === undefined || VALID_NUMBER.test(run)) return null;
  return [run];
}

/** Why `raw` (a run matched by `matchInvalidNumber`) is not a number, for the diagnostic. */
export function invalidNumberMessage(raw: string): string {
  const shown = raw.length > 30 ? `${raw.slice(0, 30)}…` : raw;
  if (/^(?:\d+(?:\.\d+)?|\.\d+)[eE][+-]?$/.test(raw)) {
    return `invalid number '${shown}': the exponent has no digits (write e.g. 1e-3)`;
  }
  if (/^\d+\.$/.test(raw)) {
    return `invalid number '${shown}': a '.' must be followed by digits (write ${raw}0)`;
  }
  if (/^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?[A-Za-z_]/.test(raw)) {
    return `invalid number '${shown}': a number cannot run into letters (names cannot start with a digit)`;
  }
  return `invalid number '${shown}'`;
}

/** True for plain digit strings: the only way to write an integer. */
export function isIntegerText(raw: string): boolean {
  return /^\d+$/.test(raw);
}
