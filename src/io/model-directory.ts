import type { ModelIR } from "../ir/types.js";

/**
 * The layout of a directory written by `nnspec compile`: TensorFlow.js's Layers format
 * (model.json and its weights file, loadable by plain `tf.loadLayersModel`) plus nnspec.json,
 * which says how it was made and holds the IR. nnspec.json is also how nnspec recognises its
 * own output: a directory without one is never replaced unless forced.
 */
export const MODEL_JSON = "model.json";
export const WEIGHTS_FILE = "group1-shard1of1.bin";
export const MANIFEST_FILE = "nnspec.json";

/** The contents of nnspec.json. */
export interface CompiledModelManifest {
  format: "nnspec-model";
  version: 1;
  /** The nnspec version that wrote the directory. */
  nnspec: string;
  /** The spec file as named on the command line (or the API's `file`), and the SHA-256 of its text. */
  source: { file: string; sha256: string };
  /** The seed the weights were drawn with. */
  seed: number;
  /** The TensorFlow.js backend that built the model. */
  backend: string;
  ir: ModelIR;
  /**
   * The vocabulary file of each input with a `preprocess { … }` block, by input name: a file
   * in the directory (`<input>.vocab.json`), so the directory encodes text on its own.
   */
  vocabularies?: Record<string, string>;
}

/** Where compile stores an input's vocabulary inside the directory. */
export function vocabularyFileName(input: string): string {
  return `${input}.vocab.json`;
}
