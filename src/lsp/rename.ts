import { ErrorCodes, ResponseError, type Range, type WorkspaceEdit } from "vscode-languageserver/node.js";
import type { Program } from "../parser/ast.js";
import type { Analysis } from "./analysis.js";
import { blockAt } from "./block-names.js";
import { declarations, dimNames } from "./declarations.js";
import { reservedWords } from "./keywords.js";
import { spanToRange, uniqueSpans } from "./ranges.js";
import { symbolAt } from "./symbol-lookup.js";

/** The name under the cursor, if it can be renamed: its range and current text. */
export function prepareRenameAt(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit !== undefined) return { range: spanToRange(hit.occurrence), placeholder: hit.symbol.name };
  const block = blockAt(analysis, offset);
  return block === undefined ? null : { range: spanToRange(block.occurrence), placeholder: block.name };
}

/**
 * Renames the declared name at `offset` everywhere in this file: its declaration and every
 * reference; a block of this file too (where it is declared and called). Refuses (with a message
 * for the user) a new name that is not an identifier, is a keyword, or is taken, and an imported
 * block, whose name belongs to its file and the other files that import it.
 */
export function renameAt(analysis: Analysis, offset: number, newName: string): WorkspaceEdit | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  const block = hit === undefined ? blockAt(analysis, offset) : undefined;
  if (hit === undefined && block === undefined) return null;
  const oldName = hit?.symbol.name ?? block!.name;
  if (newName === oldName) return { changes: { [analysis.uri]: [] } };
  if (block?.imported) refuse(`'${oldName}' is declared in another file: rename it there, and in every file that imports it`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) refuse(`'${newName}' is not a name: use letters, digits and '_', not starting with a digit`);
  if (reservedWords.has(newName)) refuse(`'${newName}' is a keyword of nnspec and cannot be a name`);
  const { program, symbols } = analysis.result;
  const taken = new Set([...symbols.map((s) => s.name), ...declarations(program).map((d) => d.name), ...blockNames(program)]);
  if (taken.has(newName)) refuse(`'${newName}' is already declared in this ${block ? "file" : "model"}`);
  if (dimNames(program).has(newName)) refuse(`'${newName}' is already used as a dimension in this model`);
  const spans = hit ? uniqueSpans([hit.symbol.span, ...hit.symbol.references]) : block!.occurrences;
  return { changes: { [analysis.uri]: spans.map((span) => ({ range: spanToRange(span), newText: newName })) } };
}

/** The blocks a file declares or imports by name. */
function blockNames(program: Program | undefined): string[] {
  return [...(program?.blocks ?? []).map((b) => b.name.name), ...(program?.imports ?? []).flatMap((d) => (d.names ?? []).map((n) => n.name))];
}

function refuse(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, message);
}
