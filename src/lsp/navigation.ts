import type { Location } from "vscode-languageserver/node.js";
import type { Analysis } from "./analysis.js";
import { blockNamed } from "./declarations.js";
import { spanToRange, uniqueSpans } from "./ranges.js";
import { symbolAt, wordAt } from "./symbol-lookup.js";

/** Where the name at `offset` is declared: a binding, input, layer or parameter, or a block of this file. */
export function definitionAt(analysis: Analysis, offset: number): Location | null {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit !== undefined) return { uri: analysis.uri, range: spanToRange(hit.symbol.span) };
  const word = wordAt(analysis.text, offset);
  const block = word === undefined ? undefined : blockNamed(analysis.result.program, word.word);
  return block === undefined ? null : { uri: analysis.uri, range: spanToRange(block.name.span) };
}

/** Every use of the name at `offset`, and its declaration when asked for. */
export function referencesAt(analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const hit = symbolAt(analysis.result.symbols, offset);
  if (hit === undefined) return [];
  const declaration = hit.symbol.span;
  const isDeclaration = (s: typeof declaration) => s.start.offset === declaration.start.offset && s.end.offset === declaration.end.offset;
  // `output h` both declares h and names it as an output: its reference is the declaration.
  const uses = hit.symbol.references.filter((s) => !isDeclaration(s));
  const spans = uniqueSpans(includeDeclaration ? [declaration, ...uses] : uses);
  return spans.map((span) => ({ uri: analysis.uri, range: spanToRange(span) }));
}
