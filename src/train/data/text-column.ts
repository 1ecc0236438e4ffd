import type { PreprocessConfig } from "../../ir/pipeline-types.js";
import { encode, readVocabulary, vocabularyPath } from "../../text/index.js";

/** Raw text of one input column → the padded token IDs the model takes. */
export interface TextColumn {
  /** Row-major IDs, `sequence_length` per text. */
  encode(texts: readonly string[]): Int32Array;
  /** Number of IDs the vocabulary has (Embedding input_dim must be at least this). */
  vocabularySize: number;
}

/**
 * Opens the vocabulary an input's `preprocess { … }` names (relative to the spec file) and
 * encodes texts with it, as `nnspec predict` does: the same text gives the same IDs in
 * training and at inference. Throws the text module's TextError for a missing or mismatched
 * vocabulary.
 */
export async function openTextColumn(specFile: string, preprocess: PreprocessConfig): Promise<TextColumn> {
  const vocabulary = await readVocabulary(vocabularyPath(specFile, preprocess), preprocess);
  return {
    vocabularySize: vocabulary.size,
    encode: (texts) => encode(texts, preprocess, vocabulary).ids,
  };
}
