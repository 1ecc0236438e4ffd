import { dimSymbols, formatShape, substituteDim } from "../../ir/dims.js";
import type { Dim } from "../../ir/types.js";

/**
 * Sizes of symbolic dims, learnt from the data: the first row with `tokens: int32[batch, T]`
 * of 20 IDs makes T 20 for every input and output that mentions T (a batch needs one length).
 * An unknown dim (`?`) is given a name of its own per column, so it is learnt the same way.
 */
export class DimBindings {
  private readonly sizes = new Map<string, Dim>();

  /** The dims with what is known substituted. */
  resolve(dims: readonly Dim[]): Dim[] {
    return dims.map((dim) => substituteDim(dim, this.sizes));
  }

  /**
   * Checks that `count` values fit `dims`, learning one unknown plain symbol from the count if
   * needed. Returns a problem ("expected 20 values for [20]") or undefined.
   */
  fit(dims: readonly Dim[], count: number): string | undefined {
    const resolved = this.resolve(dims);
    const known = resolved.filter((dim): dim is number => typeof dim === "number").reduce((a, b) => a * b, 1);
    const open = resolved.filter((dim) => typeof dim !== "number");
    if (open.length === 0) return known === count ? undefined : `expected ${known} values for ${formatShape(resolved)}, found ${count}`;
    const symbol = open[0];
    if (open.length > 1 || typeof symbol !== "string" || dimSymbols(symbol).length !== 1 || dimSymbols(symbol)[0] !== symbol) {
      return `cannot tell the sizes of ${formatShape(resolved)} from ${count} values: give the dims numbers in the spec`;
    }
    if (known === 0 || count % known !== 0 || count === 0) return `${count} values do not fill ${formatShape(resolved)}`;
    this.sizes.set(symbol, count / known);
    return undefined;
  }

  /** The dims as numbers; throws if one is still unknown (every column has been seen by then). */
  numbers(dims: readonly Dim[]): number[] {
    return this.resolve(dims).map((dim) => {
      if (typeof dim !== "number") throw new Error(`dim ${String(dim)} was never learnt from the data`);
      return dim;
    });
  }

  /** Learnt sizes, for the record (`{T: 20}`). */
  learnt(): Record<string, number> {
    return Object.fromEntries([...this.sizes].filter((entry): entry is [string, number] => typeof entry[1] === "number"));
  }
}

/** The non-batch dims of an IR shape, with each unknown dim named after its column and axis. */
export function columnDims(shape: readonly Dim[], column: string): Dim[] {
  return shape.slice(1).map((dim, axis) => (dim === null ? `__${column.replace(/\W/g, "_")}_axis${axis + 1}` : dim));
}
