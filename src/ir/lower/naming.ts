/** Keras's to_snake_case: "SimpleRNN" → "simple_rnn", "LSTM" → "lstm", "GlobalMaxPooling1D" → "global_max_pooling1d". */
export function snakeCase(typeName: string): string {
  // Keras's two substitutions, in its order.
  return typeName
    .replace(/(.)([A-Z][a-z0-9]+)/g, "$1_$2")
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
}

/** Hands out unique layer names in Keras style (`lstm`, `lstm_1`, …), never a taken name. */
export class LayerNamer {
  private readonly taken: Set<string>;
  private readonly counters = new Map<string, number>();

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** Claims a name the user gave; unique among the model's names, but a block instance's prefixed name may clash. */
  claim(name: string): string {
    if (this.taken.has(name) && this.claimed.has(name)) return this.fresh(name);
    this.taken.add(name);
    this.claimed.add(name);
    return name;
  }

  private readonly claimed = new Set<string>();

  /** The user's name if there is one (already unique among declarations), else a fresh one. */
  claimOrFresh(name: string | undefined, typeName: string): string {
    return name === undefined ? this.fresh(typeName) : this.claim(name);
  }

  /** A fresh name for an unnamed layer of this type (after a block instance's prefix). */
  fresh(typeName: string, prefix = ""): string {
    const base = prefix + snakeCase(typeName);
    let n = this.counters.get(base) ?? 0;
    let name = n === 0 ? base : `${base}_${n}`;
    while (this.taken.has(name)) {
      n += 1;
      name = `${base}_${n}`;
    }
    this.counters.set(base, n + 1);
    this.taken.add(name);
    return name;
  }
}
