import { diagnostic } from "../diagnostics/codes.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";
import { tokenize } from "../parser/lexer.js";
import { parse } from "../parser/parse.js";
import { normalizeComment } from "./comment-text.js";
import { layoutFile } from "./file-layout.js";
import { layoutUnits } from "./layout-units.js";
import { renderLines } from "./render-lines.js";
import { syntaxShape } from "./same-meaning.js";
import { sourceItems } from "./source-items.js";

export interface FormatResult {
  /** The formatted source; absent when the source has syntax errors (then see `diagnostics`). */
  text?: string;
  /** Why the source was not formatted: its syntax errors. Empty when `text` is present. */
  diagnostics: Diagnostic[];
}

/**
 * Formats a spec in nnspec's one canonical layout (see docs/editors.md). Sources with syntax
 * errors are left alone: their errors are returned instead. Pure; never throws.
 */
export function formatSource(source: string, file = "<input>"): FormatResult {
  try {
    const parsed = parse(source, file);
    if (hasErrors(parsed.diagnostics)) return { diagnostics: parsed.diagnostics };
    const lexed = tokenize(source, file);
    const items = sourceItems(source, lexed.tokens, lexed.comments);
    const text = renderLines(layoutFile(items, layoutUnits(parsed.program, items)), lineEnding(source));
    // The layout works on tokens; this check makes sure no case it missed changes the model.
    const reparsed = parse(text, file);
    const sameTree = !hasErrors(reparsed.diagnostics) && syntaxShape(reparsed.program) === syntaxShape(parsed.program);
    const sameComments = commentsOf(text).join("\0") === lexed.comments.map((c) => normalizeComment(c.image)).join("\0");
    if (!sameTree || !sameComments) return internalError(file, "the formatted text would not mean the same as the original");
    return { text, diagnostics: [] };
  } catch (error) {
    return internalError(file, error instanceof Error ? error.message : String(error));
  }
}

function internalError(file: string, message: string): FormatResult {
  const d = diagnostic("InternalError", `internal error while formatting: ${message} (please report this with the spec)`, fileStartSpan(file));
  return { diagnostics: [d] };
}

function commentsOf(text: string): string[] {
  return tokenize(text).comments.map((c) => normalizeComment(c.image));
}

/** Keeps Windows line endings for files written with them; everything else gets `\n`. */
function lineEnding(source: string): string {
  const first = source.search(/\r\n?|\n/);
  return first !== -1 && source.startsWith("\r\n", first) ? "\r\n" : "\n";
}
