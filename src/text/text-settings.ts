import type { PreprocessConfig } from "../ir/pipeline-types.js";

/** What turns a text into tokens: recorded in a vocabulary file, so a spec can be checked against it. */
export type TextSettings = Pick<PreprocessConfig, "normalize" | "lowercase" | "strip" | "tokenize" | "language">;

/** The two IDs every vocabulary reserves, and the tokens that stand for them. */
export type ReservedTokens = Pick<PreprocessConfig, "pad_id" | "unk_id" | "pad_token" | "unk_token">;

/** Everything a vocabulary depends on. */
export type VocabularySettings = TextSettings & ReservedTokens;

/** Everything `encode` needs: a `PreprocessConfig` has all of it. */
export type EncodeSettings = VocabularySettings & Pick<PreprocessConfig, "sequence_length" | "padding" | "truncating">;

/** The defaults of `preprocess { … }` for the text settings (as documented on PreprocessConfig). */
export const defaultTextSettings: Readonly<TextSettings> = {
  normalize: "nfkc",
  lowercase: true,
  strip: "punctuation",
  tokenize: "words",
  language: "und",
};

/** Keras's convention: 0 pads (and is masked by Embedding(mask_zero=true)), 1 is out of vocabulary. */
export const defaultReservedTokens: Readonly<ReservedTokens> = {
  pad_id: 0,
  unk_id: 1,
  pad_token: "<pad>",
  unk_token: "<unk>",
};
