import { readFile } from "node:fs/promises";
import type { TextRun } from "../../api/text-input.js";
import { diagnostic } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { fileStartSpan } from "../../diagnostics/span.js";
import { describeFileError } from "../../io/file-error.js";
import { displayWidth, sanitize } from "../terminal-text.js";

/** Where `nnspec run`'s texts came from: --text flags, or the lines of a --text-file. */
export interface TextsSource {
  texts: string[];
  /** The --text-file, for locating warnings at their line. */
  file?: string;
}

/**
 * One text per line of a file: `\n`, `\r\n` or `\r` ends a line, a byte-order mark is dropped,
 * and the newline ending the last line does not start an empty text. An unreadable file is a
 * diagnostic (NN6002), which the caller reports as a command-line error.
 */
export async function readTextFile(path: string): Promise<TextsSource | { diagnostic: Diagnostic }> {
  let content: string;
  try {
    content = await readFile(path, "utf8");
  } catch (error) {
    return { diagnostic: diagnostic("InputFileError", `cannot read the texts '${path}': ${describeFileError(error)}`, fileStartSpan(path)) };
  }
  const lines = content.replace(/^\uFEFF/u, "").split(/\r\n|\n|\r/u);
  if (lines.at(-1) === "") lines.pop();
  return { texts: lines, file: path };
}

/**
 * The encoder's notices (no tokens, only unknown tokens) as warnings: the model still runs,
 * but its answer for such a text means little. They point at the text's line of a --text-file.
 */
export function textWarnings(text: TextRun, source: TextsSource, target: string): Diagnostic[] {
  return text.warnings.map((warning) => {
    const span = fileStartSpan(source.file ?? target);
    if (source.file !== undefined) span.start = span.end = { offset: 0, line: warning.index + 1, column: 1 };
    return { code: warning.code, severity: "warning", message: warning.message, span };
  });
}

/**
 * Each text's tokens beside their IDs, unknown ones marked with the vocabulary's unk token, and
 * what padding or truncation did: what the model was actually given.
 */
export function renderTokens(text: TextRun): string {
  const { vocabulary, settings } = text;
  const unkToken = vocabulary.tokenOf(vocabulary.unkId) ?? "<unk>";
  return text.tokens
    .map((tokens, index) => {
      const shown = tokens.map(sanitize);
      const width = Math.max(0, ...shown.map(displayWidth));
      const rows = shown.map((token, position) => {
        const id = vocabulary.idOf(tokens[position]!);
        const unknown = id === vocabulary.unkId ? `  ${sanitize(unkToken)}` : "";
        return `  ${token}${" ".repeat(width - displayWidth(token))}  ${id}${unknown}\n`;
      });
      return `text ${index + 1}: ${tokens.length} ${tokens.length === 1 ? "token" : "tokens"}${fitNote(tokens.length, settings)}\n${rows.join("")}`;
    })
    .join("");
}

/** ", padded to 40 (pre)" or ", truncated to 40 (post)": how the row was made to fit. */
function fitNote(count: number, settings: TextRun["settings"]): string {
  const length = settings.sequence_length;
  if (count < length) return `, padded to ${length} (${settings.padding})`;
  if (count > length) return `, truncated to ${length} (${settings.truncating})`;
  return "";
}

/**
 * What stands at each position of text `row` once encoded: its tokens where they were kept,
 * `<unk>` where the vocabulary lacked one, and an empty label for padding. Heatmap labels.
 */
export function positionLabels(text: TextRun, row: number): string[] {
  const length = text.shape[1];
  const ids = text.ids.subarray(row * length, (row + 1) * length);
  return Array.from(ids, (id) => (id === text.vocabulary.padId ? "" : (text.vocabulary.tokenOf(id) ?? String(id))));
}
