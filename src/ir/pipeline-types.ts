/**
 * Declarations beside the layer graph: how raw text becomes an input's token IDs, and how the
 * model trains. Plain JSON data inside the IR, filled in with defaults by the lowering.
 */

/** `input text: int32[batch, 20] preprocess { … }`: raw text → padded token IDs, Keras semantics. */
export interface PreprocessConfig {
  /** Unicode normalisation applied first; default "nfkc". */
  normalize: "nfkc" | "nfc" | "nfkd" | "nfd" | null;
  /** Default true. */
  lowercase: boolean;
  /** Characters dropped before tokenizing: Unicode punctuation, a regex (source text, flag u), or nothing. Default "punctuation". */
  strip: "punctuation" | { regex: string } | null;
  /**
   * "whitespace" (split on white space), "words" (Intl.Segmenter word segmentation: works for
   * languages written without spaces, such as Japanese), "characters" (grapheme clusters), or a
   * regex whose matches are the tokens. Default "words".
   */
  tokenize: "whitespace" | "words" | "characters" | { regex: string };
  /** BCP 47 language for Intl.Segmenter, e.g. "ja"; default "und" (root rules). */
  language: string;
  /** A vocabulary file (path relative to the spec), or how `nnspec vocab build` should build one. */
  vocabulary: { file: string; max_size: number | null; min_freq: number };
  /** The input's time dim: sequences are padded or truncated to it. */
  sequence_length: number;
  /** Keras pad_sequences: both default to "pre". */
  padding: "pre" | "post";
  truncating: "pre" | "post";
  /** Defaults 0 and 1; the vocabulary reserves them for `pad_token` and `unk_token`. */
  pad_id: number;
  unk_id: number;
  /** Defaults "<pad>" and "<unk>". */
  pad_token: string;
  unk_token: string;
}

/** A vocabulary file as `nnspec vocab build` writes it: token i has ID i. */
export interface VocabularyFile {
  format: "nnspec-vocabulary";
  version: 1;
  /** The text settings it was built with (a spec whose settings differ is an error). */
  settings: Pick<PreprocessConfig, "normalize" | "lowercase" | "strip" | "tokenize" | "language" | "pad_token" | "unk_token">;
  tokens: string[];
  /** Corpus counts, parallel to `tokens` (0 for the reserved tokens). */
  counts: number[];
}

export type OptimizerName = "sgd" | "momentum" | "adam" | "adamw" | "rmsprop" | "adagrad";

export type LossName =
  | "sparse_categorical_crossentropy"
  | "categorical_crossentropy"
  | "binary_crossentropy"
  | "mse"
  | "mae";

export type LearningRateSchedule =
  | { kind: "step_decay"; step_size: number; gamma: number }
  | { kind: "exponential_decay"; decay_steps: number; decay_rate: number; staircase: boolean }
  | { kind: "reduce_on_plateau"; monitor: string; factor: number; patience: number; min_lr: number; min_delta: number };

/** `train { … }`: how `nnspec train` fits the model. Every field can be overridden on the command line. */
export interface TrainingConfig {
  /** Keras optimizer with its options (learning_rate, momentum, beta_1, beta_2, epsilon, weight_decay, rho, …). */
  optimizer: { name: OptimizerName; learning_rate: number; [option: string]: string | number | boolean };
  /** One loss per model output, in output order. */
  loss: LossName[];
  /** Keras metric names: "accuracy", "mae", "mse", … */
  metrics: string[];
  epochs: number;
  batch_size: number;
  /** Fraction of the training data held out, or null; ignored when a validation file is given. */
  validation_split: number | null;
  validation_file: string | null;
  shuffle: boolean;
  early_stopping: null | {
    monitor: string;
    patience: number;
    min_delta: number;
    mode: "min" | "max" | "auto";
    restore_best_weights: boolean;
  };
  lr_schedule: LearningRateSchedule | null;
  clipnorm: number | null;
  clipvalue: number | null;
}
