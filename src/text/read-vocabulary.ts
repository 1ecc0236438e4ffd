import { readFile } from "node:fs/promises";
import type { ErrorObject, ValidateFunction } from "ajv";
import { loadAjv } from "../ir/lazy-ajv.js";
import type { VocabularyFile } from "../ir/pipeline-types.js";
import { checkReservedTokens } from "./reserved-tokens.js";
import { settingsMismatches } from "./settings-mismatch.js";
import { TextError } from "./text-error.js";
import type { VocabularySettings } from "./text-settings.js";
import { createVocabulary, type Vocabulary } from "./vocabulary.js";
import { settingForms, vocabularySchema } from "./vocabulary-schema.js";

/** Problems listed in one message before the rest are only counted. */
const MAX_LISTED = 5;

let validator: ValidateFunction | undefined;

/**
 * Reads a vocabulary file written by `nnspec vocab build` and checks it against the spec's
 * settings. Throws a TextError: NN6026 when the file cannot be read, NN6027 when it is not a
 * valid vocabulary, NN6028 when it was built with other settings (naming each one).
 */
export async function readVocabulary(path: string, settings: VocabularySettings): Promise<Vocabulary> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new TextError("VocabularyFileError", `cannot read vocabulary '${path}': ${describeReadError(error)}`, { file: path });
  }
  return parseVocabulary(text, settings, path);
}

/** Like readVocabulary, for the file's text; `file` names it in messages. */
export function parseVocabulary(text: string, settings: VocabularySettings, file = "<vocabulary>"): Vocabulary {
  checkReservedTokens(settings);
  const invalid = (problems: string[]): TextError =>
    new TextError("InvalidVocabulary", `'${file}' is not a valid vocabulary: ${listed(problems)}`, { file });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid([`not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  const header = headerProblem(data);
  if (header !== undefined) throw invalid([header]);
  validator ??= new (loadAjv().Ajv)({ allErrors: true, strict: false }).compile(vocabularySchema);
  if (!validator(data)) throw invalid(schemaProblems(validator.errors ?? [], data));
  // The schema above describes exactly VocabularyFile.
  const vocabulary = data as VocabularyFile;

  const structure = structureProblems(vocabulary);
  if (structure.length > 0) throw invalid(structure);
  const mismatches = settingsMismatches(vocabulary, settings);
  if (mismatches.length > 0) {
    const message = `'${file}' was built with other text settings than the spec's: ${listed(mismatches)}; rebuild it with 'nnspec vocab build --spec'`;
    throw new TextError("VocabularySettingsMismatch", message, { file });
  }
  return createVocabulary(vocabulary);
}

/** The format and version, checked first: a wrong file needs one clear sentence, not a schema dump. */
function headerProblem(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "expected a JSON object";
  const { format, version } = data as { format?: unknown; version?: unknown };
  if (format !== "nnspec-vocabulary") return `"format" is ${JSON.stringify(format) ?? "missing"}, expected "nnspec-vocabulary"`;
  if (version !== 1) return `"version" ${JSON.stringify(version) ?? "is missing"}: this nnspec reads version 1`;
  return undefined;
}

function schemaProblems(errors: readonly ErrorObject[], data: unknown): string[] {
  const tokens = (data as { tokens?: unknown[] }).tokens ?? [];
  return errors
    .filter((e) => !e.schemaPath.includes("/anyOf/"))
    .map((e) => {
      const at = e.instancePath || "/";
      if (e.keyword === "anyOf") return `${at} ${settingForms[at] ?? e.message}`;
      if (e.keyword === "uniqueItems") {
        const { i, j } = e.params as { i: number; j: number };
        return `tokens ${Math.min(i, j)} and ${Math.max(i, j)} are both ${JSON.stringify(tokens[i])}`;
      }
      if (e.keyword === "enum") return `${at} must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      if (e.keyword === "additionalProperties") return `${at} has an unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      return `${at} ${e.message ?? "is invalid"}`;
    });
}

/** What a schema cannot say: parallel arrays, and both reserved tokens present. */
function structureProblems(file: VocabularyFile): string[] {
  const problems: string[] = [];
  if (file.counts.length !== file.tokens.length) {
    problems.push(`"counts" has ${file.counts.length} entries but "tokens" has ${file.tokens.length}; they must be parallel`);
  }
  for (const name of ["pad_token", "unk_token"] as const) {
    const token = file.settings[name];
    if (!file.tokens.includes(token)) problems.push(`its ${name} ${JSON.stringify(token)} is not among its tokens`);
  }
  return problems;
}

function listed(problems: readonly string[]): string {
  const shown = problems.slice(0, MAX_LISTED).join("; ");
  return problems.length > MAX_LISTED ? `${shown}; and ${problems.length - MAX_LISTED} more` : shown;
}

function describeReadError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  if (code === "ENOENT") return "no such file (build one with 'nnspec vocab build')";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}
