/** Keras `pad_sequences` options; every one has Keras's default. */
export interface PadOptions {
  /** Length of every row; default: the longest sequence. */
  maxlen?: number;
  /** Where filler goes when a sequence is short: before it ("pre", default) or after it. */
  padding?: "pre" | "post";
  /** Which end is cut off when a sequence is long: the start ("pre", default) or the end. */
  truncating?: "pre" | "post";
  /** The filler; default 0. */
  value?: number;
}

/** A batch of equal-length rows, row-major: row i is `values.subarray(i * shape[1], (i + 1) * shape[1])`. */
export interface PaddedSequences {
  values: Int32Array;
  shape: [number, number];
}

/**
 * Keras's `tf.keras.utils.pad_sequences` with dtype int32: every sequence becomes a row of
 * `maxlen` values. Defaults are Keras's, "pre" and "pre": keeping the end of a long text and
 * putting the filler first means a recurrent layer reads the real tokens last, right before
 * its output. An empty sequence is a row of `value`. Where Keras fails, this does not: maxlen 0
 * gives empty rows, and no sequences without maxlen give shape [0, 0].
 */
export function padSequences(sequences: readonly (readonly number[])[], options: PadOptions = {}): PaddedSequences {
  const { padding = "pre", truncating = "pre", value = 0 } = options;
  const maxlen = options.maxlen ?? sequences.reduce((longest, s) => Math.max(longest, s.length), 0);
  if (!Number.isInteger(maxlen) || maxlen < 0) throw new RangeError(`padSequences: maxlen must be a non-negative integer, got ${maxlen}`);

  const values = new Int32Array(sequences.length * maxlen).fill(value);
  sequences.forEach((sequence, row) => {
    const kept = sequence.length <= maxlen ? sequence : truncating === "pre" ? sequence.slice(sequence.length - maxlen) : sequence.slice(0, maxlen);
    const offset = row * maxlen + (padding === "pre" ? maxlen - kept.length : 0);
    values.set(kept, offset);
  });
  return { values, shape: [sequences.length, maxlen] };
}

/** The rows of a padded batch as plain arrays, for display and tests. */
export function paddedRows({ values, shape }: PaddedSequences): number[][] {
  return Array.from({ length: shape[0] }, (_, row) => Array.from(values.subarray(row * shape[1], (row + 1) * shape[1])));
}
