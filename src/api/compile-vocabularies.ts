import { readFile } from "node:fs/promises";
import { BackendError } from "../backend/errors.js";
import type { DirectoryFile } from "../io/atomic-directory.js";
import { describeFileError } from "../io/file-error.js";
import { vocabularyFileName } from "../io/model-directory.js";
import type { ModelIR } from "../ir/types.js";
import { parseVocabulary, TextError, vocabularyPath } from "../text/index.js";

/** The vocabulary files a compiled directory carries, and the manifest entry naming them. */
export interface CompiledVocabularies {
  files: DirectoryFile[];
  /** Input name → file name in the directory; undefined when no input takes text. */
  vocabularies: Record<string, string> | undefined;
}

/**
 * Reads the vocabulary of every input with a `preprocess { … }` block (relative to the spec
 * file) and checks it against the input's settings, so a directory never ships a vocabulary
 * that cannot encode for it. The bytes are copied unchanged. A missing file is NN6026 naming
 * it; an invalid or mismatched one NN6027 or NN6028.
 */
export async function compiledVocabularies(ir: ModelIR, specFile: string): Promise<CompiledVocabularies> {
  const files: DirectoryFile[] = [];
  const vocabularies: Record<string, string> = {};
  for (const input of ir.inputs) {
    if (input.preprocess === undefined) continue;
    const path = vocabularyPath(specFile, input.preprocess);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      const build = `build it with 'nnspec vocab build CORPUS --spec ${specFile}'`;
      const message = `cannot read the vocabulary '${path}' of input '${input.name}': ${describeFileError(error)}; ${build}`;
      throw new BackendError("VocabularyFileError", message, { file: path });
    }
    try {
      parseVocabulary(text, input.preprocess, path);
    } catch (error) {
      if (!(error instanceof TextError)) throw error;
      throw new BackendError(error.codeName, error.message, { file: path });
    }
    const name = vocabularyFileName(input.name);
    files.push({ name, data: text });
    vocabularies[input.name] = name;
  }
  return { files, vocabularies: files.length === 0 ? undefined : vocabularies };
}
