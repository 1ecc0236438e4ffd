import type { PreprocessConfig } from "../../../src/ir/pipeline-types.js";

/** A PreprocessConfig with the defaults `check()` fills in, as a preprocess block would give it. */
export function preprocessConfig(overrides: Partial<PreprocessConfig> = {}): PreprocessConfig {
  return {
    normalize: "nfkc",
    lowercase: true,
    strip: "punctuation",
    tokenize: "words",
    language: "und",
    vocabulary: { file: "vocab.json", max_size: null, min_freq: 1 },
    sequence_length: 5,
    padding: "pre",
    truncating: "pre",
    pad_id: 0,
    unk_id: 1,
    pad_token: "<pad>",
    unk_token: "<unk>",
    ...overrides,
  };
}

/** Runs `action` and returns the error it throws (the test fails if it does not throw). */
export async function caught(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}
