import { dimSymbols, substituteDim } from "../../ir/dims.js";
import type { Dim } from "../../ir/types.js";

/** A size a symbol was given, and where it came from ("in input 'a'", "as the batch size asked for"), for messages. */
export interface SymbolSize {
  size: number;
  from: string;
}

/**
 * The sizes of the symbols in the inputs' shapes (`batch`, `T`) for one run: learnt from the
 * data given, asked for, or defaulted. A symbol has one size across all inputs.
 */
export class DimSizes {
  private readonly sizes = new Map<string, SymbolSize>();

  /** Gives `symbol` a size unless it has one; returns the size it had when that differs. */
  bind(symbol: string, size: number, from: string): SymbolSize | undefined {
    const known = this.sizes.get(symbol);
    if (known === undefined) this.sizes.set(symbol, { size, from });
    return known !== undefined && known.size !== size ? known : undefined;
  }

  get(symbol: string): SymbolSize | undefined {
    return this.sizes.get(symbol);
  }

  /** The size of a dim once its symbols have sizes; undefined for unknown dims and unbound symbols. */
  resolve(dim: Dim): number | undefined {
    if (dim === null) return undefined;
    if (typeof dim === "number") return dim;
    const substitution = new Map<string, Dim>(
      dimSymbols(dim).flatMap((symbol) => {
        const known = this.sizes.get(symbol);
        return known === undefined ? [] : [[symbol, known.size] as const];
      }),
    );
    const size = substituteDim(dim, substitution);
    return typeof size === "number" ? size : undefined;
  }
}

/** Is the dim a single symbol (`T`), as opposed to an expression (`T + 1`)? */
export function isPlainSymbol(dim: Dim): dim is string {
  return typeof dim === "string" && dimSymbols(dim).length === 1 && dimSymbols(dim)[0] === dim;
}
