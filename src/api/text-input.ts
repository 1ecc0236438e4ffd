import { join } from "node:path";
import { BackendError } from "../backend/errors.js";
import type { GivenInput } from "../backend/run/given-input.js";
import type { CompiledModelManifest } from "../io/model-directory.js";
import type { PreprocessConfig } from "../ir/pipeline-types.js";
import type { IRInput, ModelIR } from "../ir/types.js";
import { encode, readVocabulary, TextError, vocabularyPath, type EncodedTexts, type Vocabulary } from "../text/index.js";

/** Raw texts encoded for the model's text input, with what a person may want to see of them. */
export interface TextRun extends EncodedTexts {
  /** The input the texts became. */
  input: string;
  /** The vocabulary file used. */
  vocabularyFile: string;
  vocabulary: Vocabulary;
  settings: PreprocessConfig;
}

/** Where the text input's vocabulary is: beside the spec, or inside a compiled directory. */
export type VocabularySource = { specFile: string } | { directory: string; manifest: CompiledModelManifest };

/**
 * The one input with a `preprocess { … }` block: texts can only be meant for it. None, or
 * several (which text goes where?), is NN6029 NoTextInput.
 */
export function textInput(ir: ModelIR): IRInput & { preprocess: PreprocessConfig } {
  const inputs = ir.inputs.filter((input): input is IRInput & { preprocess: PreprocessConfig } => input.preprocess !== undefined);
  if (inputs.length === 1) return inputs[0]!;
  const problem =
    inputs.length === 0
      ? "no input of the model has a preprocess { … } block"
      : `inputs ${inputs.map((input) => `'${input.name}'`).join(", ")} all have a preprocess block; give --input data instead`;
  throw new BackendError("NoTextInput", `texts need a model with exactly one input that takes text: ${problem}`);
}

/**
 * Encodes texts for the model's text input with its vocabulary (read and checked against the
 * input's settings). Text failures become BackendErrors with their NN60xx code, like every
 * other failure of a run.
 */
export async function encodeTextInput(ir: ModelIR, texts: readonly string[], source: VocabularySource): Promise<TextRun> {
  const input = textInput(ir);
  const settings = input.preprocess;
  const file = vocabularyFile(input.name, settings, source);
  try {
    const vocabulary = await readVocabulary(file, settings);
    return { input: input.name, vocabularyFile: file, vocabulary, settings, ...encode(texts, settings, vocabulary) };
  } catch (error) {
    if (!(error instanceof TextError)) throw error;
    throw new BackendError(error.codeName, error.message, { file: error.location.file });
  }
}

/** The encoded texts as data for the input, checked with the rest (shape, IDs inside the Embedding). */
export function textGivenInput(text: TextRun): GivenInput {
  return { dtype: "int32", data: text.ids, shape: [...text.shape] };
}

function vocabularyFile(input: string, settings: PreprocessConfig, source: VocabularySource): string {
  if ("specFile" in source) return vocabularyPath(source.specFile, settings);
  const stored = source.manifest.vocabularies?.[input];
  if (stored === undefined) {
    throw new BackendError(
      "VocabularyFileError",
      `'${source.directory}' holds no vocabulary for input '${input}': 'nnspec compile' stores one; compile the spec again`,
      { file: source.directory },
    );
  }
  return join(source.directory, stored);
}
