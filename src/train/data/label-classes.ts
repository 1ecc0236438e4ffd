import { abbreviate, parseNumber } from "./cell-values.js";

/**
 * Whether a label column holds class IDs (numbers) or class names, and which names: the
 * column's first label decides ("pos" makes it names, "3" numbers), and names get IDs in
 * sorted order (code-point order, like Python's sorted()), recorded with the model.
 */
export class LabelClasses {
  private mode: "numbers" | "names" | undefined;
  private readonly seen = new Set<string>();
  private fixed: Map<string, number> | undefined;

  /** A column whose names are already known (from training data, or a run being resumed). */
  static withNames(names: readonly string[]): LabelClasses {
    const classes = new LabelClasses();
    classes.mode = names.length > 0 ? "names" : "numbers";
    classes.fixed = new Map(names.map((name, id) => [name, id]));
    return classes;
  }

  get holdsNames(): boolean {
    return this.mode === "names";
  }

  /** Takes one row's label tokens into account; a problem when they do not fit the column's kind. */
  observe(tokens: readonly (number | string)[]): string | undefined {
    for (const token of tokens) {
      const numeric = typeof token === "number" || isNumeric(token);
      this.mode ??= numeric ? "numbers" : "names";
      if (this.mode === "numbers" && !numeric) {
        return `'${abbreviate(String(token))}' is not a number, but this column holds class numbers (its first label is a number)`;
      }
      const name = String(token);
      if (this.mode === "names") {
        if (this.fixed && !this.fixed.has(name)) {
          return `class '${abbreviate(name)}' is not among the training data's classes (${[...this.fixed.keys()].map((n) => `'${n}'`).join(", ")})`;
        }
        this.seen.add(name);
      }
    }
    return undefined;
  }

  /** Class names by ID (empty for a column of numbers). */
  names(): string[] {
    if (this.fixed) return [...this.fixed.keys()];
    return this.mode === "names" ? [...this.seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  }
}

function isNumeric(token: string): boolean {
  return parseNumber(token) !== undefined;
}
