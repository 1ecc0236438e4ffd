import { ErrorCodes, ResponseError, type Range, type WorkspaceEdit } from "vscode-languageserver/node.js";
import type { Analysis } from "./analysis.js";
import { declarations, dimNames } from "./declarations.js";
import { reservedWords } from "./keywords.js";
import { spanToRange, uniqueSpans } from "./ranges.js";
import { symbolAt } from "./symbol-lookup.js";

/** The name under the cursor, if it can be renamed: its range and current text. */
export function prepareRenameAt(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  return hit === undefined ? null : { range: spanToRange(hit.occurrence), placeholder: hit.symbol.name };
}

/**
 * Renames the declared name at `offset` everywhere: its declaration and every reference. Refuses
 * (with a message for the user) a new name that is not an identifier, is a keyword, or is taken.
 */
export function renameAt(analysis: Analysis, offset: number, newName: string): WorkspaceEdit | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit === undefined) return null;
  const { symbol } = hit;
  if (newName === symbol.name) return { changes: { [analysis.uri]: [] } };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) refuse(`'${newName}' is not a name: use letters, digits and '_', not starting with a digit`);
  if (reservedWords.has(newName)) refuse(`'${newName}' is a keyword of nnspec and cannot be a name`);
  const { program, symbols } = analysis.result;
  const taken = new Set([...symbols.map((s) => s.name), ...declarations(program).map((d) => d.name)]);
  if (taken.has(newName)) refuse(`'${newName}' is already declared in this model`);
  if (dimNames(program).has(newName)) refuse(`'${newName}' is already used as a dimension in this model`);
  const edits = uniqueSpans([symbol.span, ...symbol.references]).map((span) => ({ range: spanToRange(span), newText: newName }));
  return { changes: { [analysis.uri]: edits } };
}

function refuse(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, message);
}
