/**
 * How text occupies terminal columns. Source lines are shown under their underline, so every
 * UTF-16 unit of a line must map to the column where it is drawn: tabs expand to tab stops,
 * CJK and emoji take two columns, combining marks none, and control characters (which could
 * move the cursor or recolour the terminal) are replaced by a visible U+FFFD.
 */

export const TAB_WIDTH = 4;

const REPLACEMENT = "\uFFFD";

/** Control characters other than tab: C0, DEL and C1. */
function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0);
}

function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) || // combining diacritics
    (codePoint >= 0x200b && codePoint <= 0x200f) || // zero-width space, joiners, marks
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    codePoint === 0xfeff
  );
}

/** East Asian wide and fullwidth characters, and emoji: two columns in a terminal. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** A line as drawn, with the column (0-based) where each UTF-16 index of the original starts. */
export interface DrawnLine {
  text: string;
  /** columns[i] for i in 0..line.length; columns[line.length] is the width of the whole line. */
  columns: number[];
}

/** Lays a single source line out for the terminal (see the module comment). */
export function drawLine(line: string): DrawnLine {
  let text = "";
  const columns: number[] = [];
  let column = 0;
  for (let i = 0; i < line.length; ) {
    const codePoint = line.codePointAt(i)!;
    const units = codePoint > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) columns.push(column);
    if (codePoint === 0x09) {
      const width = TAB_WIDTH - (column % TAB_WIDTH);
      text += " ".repeat(width);
      column += width;
    } else if (isControl(codePoint)) {
      text += REPLACEMENT;
      column += 1;
    } else {
      text += String.fromCodePoint(codePoint);
      column += isZeroWidth(codePoint) ? 0 : isWide(codePoint) ? 2 : 1;
    }
    i += units;
  }
  columns.push(column);
  return { text, columns };
}

/** The number of terminal columns `text` takes (one line, no tabs expected). */
export function displayWidth(text: string): number {
  return drawLine(text).columns.at(-1)!;
}

/** Makes untrusted text (file names, messages quoting the source) safe to print on one line. */
export function sanitize(text: string): string {
  let out = "";
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    out += codePoint === 0x09 ? " " : isControl(codePoint) ? REPLACEMENT : char;
  }
  return out;
}
