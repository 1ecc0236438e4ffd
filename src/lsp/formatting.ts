import type { TextEdit } from "vscode-languageserver/node.js";
import { formatSource } from "../format/index.js";
import type { Analysis } from "./analysis.js";
import { offsetsToRange } from "./ranges.js";

/**
 * The edit that formats a whole document, or none when it is formatted already or has syntax
 * errors (the diagnostics show those; formatting never rewrites a file it cannot parse).
 */
export function formattingEdits(analysis: Analysis): TextEdit[] {
  const { text } = formatSource(analysis.text, analysis.file);
  if (text === undefined || text === analysis.text) return [];
  return [{ range: offsetsToRange(analysis.text, 0, analysis.text.length), newText: text }];
}
