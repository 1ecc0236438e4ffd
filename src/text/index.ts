/**
 * Text preprocessing: raw text → tokens → vocabulary IDs → padded int32 rows, with Keras's
 * semantics, as a spec's `preprocess { … }` block declares it. No TensorFlow.js here.
 */
export { buildVocabulary, type VocabularyLimits, type VocabularyProgress } from "./build-vocabulary.js";
export { openCorpus, type Corpus, type CorpusProgress } from "./corpus-reader.js";
export { decode, encode, type EncodedTexts } from "./encode.js";
export { createNormalizer, normalizeText, type Normalizer } from "./normalize.js";
export { paddedRows, padSequences, type PadOptions, type PaddedSequences } from "./pad-sequences.js";
export { parseVocabulary, readVocabulary } from "./read-vocabulary.js";
export { TextError, type TextErrorLocation, type TextWarning } from "./text-error.js";
export { createTextPipeline, textToTokens, type TextPipeline } from "./text-pipeline.js";
export {
  defaultReservedTokens,
  defaultTextSettings,
  type EncodeSettings,
  type ReservedTokens,
  type TextSettings,
  type VocabularySettings,
} from "./text-settings.js";
export { createSplitter, type Splitter } from "./tokenize.js";
export { createVocabulary, type Vocabulary } from "./vocabulary.js";
export { vocabularyPath } from "./vocabulary-path.js";
