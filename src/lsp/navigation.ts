import type { Location } from "vscode-languageserver/node.js";
import type { Analysis } from "./analysis.js";
import { blockAt, blockReferences } from "./block-names.js";
import { spanToRange, uniqueSpans } from "./ranges.js";
import { symbolAt } from "./symbol-lookup.js";

/** Where the name at `offset` is declared: a binding, input, layer or parameter, or a block (of this file or an imported one). */
export function definitionAt(analysis: Analysis, offset: number): Location | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit !== undefined) return { uri: analysis.uri, range: spanToRange(hit.symbol.span) };
  const declaration = blockAt(analysis, offset)?.declaration;
  return declaration === undefined ? null : { uri: declaration.uri, range: spanToRange(declaration.span) };
}

/** Every use of the name at `offset` in this file, and its declaration when asked for. */
export function referencesAt(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit === undefined) {
    const block = blockAt(analysis, offset);
    return block === undefined ? [] : blockReferences(analysis, block, includeDeclaration);
  }
  const declaration = hit.symbol.span;
  const isDeclaration = (s: typeof declaration) => s.start.offset === declaration.start.offset && s.end.offset === declaration.end.offset;
  // `output h` both declares h and names it as an output: its reference is the declaration.
  const uses = hit.symbol.references.filter((s) => !isDeclaration(s));
  const spans = uniqueSpans(includeDeclaration ? [declaration, ...uses] : uses);
  return spans.map((span) => ({ uri: analysis.uri, range: spanToRange(span) }));
}
