import { dirname, isAbsolute, resolve } from "node:path";
import type { PreprocessConfig } from "../ir/pipeline-types.js";

/** Where a preprocess block's `vocabulary = "…"` file is: its path is relative to the spec file. */
export function vocabularyPath(specFile: string, config: Pick<PreprocessConfig, "vocabulary">): string {
  const file = config.vocabulary.file;
  return isAbsolute(file) ? file : resolve(dirname(specFile), file);
}
