/**
 * What one cell of a data row holds, read leniently across formats: a JSON value in JSON lines,
 * a string in CSV. Lists of numbers may be JSON arrays (nested for rank > 1) or strings of
 * numbers separated by spaces or commas ("3 14 15", "[3, 14, 15]").
 */

export type Cell = string | number | boolean | null | readonly Cell[] | { readonly [key: string]: Cell };

export type CellResult<T> = { values: T[] } | { problem: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A string that is a decimal number, as a number; undefined otherwise. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** The numbers of a cell in row-major order. */
export function cellNumbers(cell: Cell): CellResult<number> {
  const tokens = cellTokens(cell, Infinity);
  if ("problem" in tokens) return tokens;
  const values: number[] = [];
  for (const token of tokens.values) {
    const value = typeof token === "number" ? token : parseNumber(token);
    if (value === undefined || !Number.isFinite(value)) return { problem: `'${String(token)}' is not a number` };
    values.push(value);
  }
  return { values };
}

/**
 * The tokens of a cell: numbers stay numbers, strings stay strings (a label may be a class
 * name). A string is split on spaces and commas unless one token is expected, so a class
 * name may contain spaces ("New York") where a label is one class.
 */
export function cellTokens(cell: Cell, expected: number): CellResult<number | string> {
  if (typeof cell === "number") return Number.isFinite(cell) ? { values: [cell] } : { problem: `${cell} is not a finite number` };
  if (typeof cell === "boolean") return { values: [cell ? 1 : 0] };
  if (cell === null) return { problem: "it is empty (null)" };
  if (typeof cell === "string") return stringTokens(cell, expected);
  if (Array.isArray(cell)) {
    const values: (number | string)[] = [];
    for (const item of cell as readonly Cell[]) {
      if (Array.isArray(item)) {
        const inner = cellTokens(item, Infinity);
        if ("problem" in inner) return inner;
        values.push(...inner.values);
      } else if (typeof item === "number" || typeof item === "string") values.push(item);
      else if (typeof item === "boolean") values.push(item ? 1 : 0);
      else return { problem: `a list item is ${item === null ? "null" : "an object"}` };
    }
    return { values };
  }
  return { problem: "it is an object" };
}

function stringTokens(text: string, expected: number): CellResult<number | string> {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: "it is empty" };
  if (trimmed.startsWith("[")) {
    try {
      return cellTokens(JSON.parse(trimmed) as Cell, expected);
    } catch {
      return { problem: `'${abbreviate(trimmed)}' is not a valid JSON list` };
    }
  }
  if (expected === 1 && parseNumber(trimmed) === undefined) return { values: [trimmed] };
  return { values: trimmed.split(/[\s,]+/).filter((token) => token !== "") };
}

/** A value shortened for messages. */
export function abbreviate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
