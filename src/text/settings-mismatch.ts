import type { VocabularyFile } from "../ir/pipeline-types.js";
import type { VocabularySettings } from "./text-settings.js";

const compared = ["normalize", "lowercase", "strip", "tokenize", "language", "pad_token", "unk_token"] as const;

/**
 * Each way a vocabulary file disagrees with a spec's preprocess settings, in words:
 * `tokenize is "whitespace" in the vocabulary but "words" in the spec`. A vocabulary built
 * with other settings would silently map most tokens to unk_token, so every difference counts.
 */
export function settingsMismatches(file: VocabularyFile, spec: VocabularySettings): string[] {
  const problems: string[] = [];
  for (const name of compared) {
    const theirs = JSON.stringify(file.settings[name]);
    const ours = JSON.stringify(spec[name]);
    if (theirs !== ours) problems.push(`${name} is ${theirs} in the vocabulary but ${ours} in the spec`);
  }
  for (const [idName, tokenName] of [["pad_id", "pad_token"], ["unk_id", "unk_token"]] as const) {
    const token = file.settings[tokenName];
    const at = file.tokens.indexOf(token);
    if (at !== -1 && at !== spec[idName]) problems.push(`${idName} is ${spec[idName]} in the spec but ${JSON.stringify(token)} has ID ${at} in the vocabulary`);
  }
  return problems;
}
