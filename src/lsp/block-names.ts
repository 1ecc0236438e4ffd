import { pathToFileURL } from "node:url";
import type { Location } from "vscode-languageserver/node.js";
import type { Span } from "../diagnostics/span.js";
import type { BlockDecl, Program } from "../parser/ast.js";
import { parse } from "../parser/parse.js";
import type { Analysis } from "./analysis.js";
import { spanToRange, spanTouches, uniqueSpans } from "./ranges.js";
import { symbolAt, wordAt } from "./symbol-lookup.js";

/** A block name under the cursor: the block, where it is declared, and its occurrences in this file. */
export interface BlockHit {
  name: string;
  /** The occurrence the cursor is on. */
  occurrence: Span;
  /** Declared in this file, or in the imported file `uri`. */
  declaration: { uri: string; span: Span } | undefined;
  /** Its declaration (when in this file), its name in imports, and every call, in source order. */
  occurrences: Span[];
  imported: boolean;
}

/**
 * The block whose name is at `offset`: on its declaration, in an import list, or where it is
 * called. A name a binding or parameter declares is that symbol's, not a block's.
 */
export function blockAt(analysis: Analysis, offset: number): BlockHit | undefined {
  const { program, symbols } = analysis.result;
  const word = wordAt(analysis.text, offset);
  if (program === undefined || word === undefined || symbolAt(symbols, offset) !== undefined) return undefined;
  const local = program.blocks.find((block) => block.name.name === word.word);
  const importedFrom = local ? undefined : program.imports.find((decl) => decl.names?.some((n) => n.name === word.word) ?? false);
  const declaration = local ? { uri: analysis.uri, span: local.name.span } : importedFrom ? importedDeclaration(analysis, importedFrom.path.value, word.word) : undefined;
  if (!local && !importedFrom) return undefined;
  const occurrences = blockOccurrences(program, word.word, symbolSpans(analysis));
  const occurrence = occurrences.find((span) => spanTouches(span, offset));
  if (occurrence === undefined) return undefined;
  return { name: word.word, occurrence, declaration, occurrences, imported: !local };
}

/** Where a block is declared in an imported file (read as checking read it). */
function importedDeclaration(analysis: Analysis, path: string, name: string): { uri: string; span: Span } | undefined {
  for (const [file, text] of analysis.result.sources) {
    if (!file.endsWith(path.replace(/^\.\//, ""))) continue;
    const block = parse(text, file).program.blocks.find((b: BlockDecl) => b.name.name === name);
    if (block) return { uri: pathToFileURL(file).href, span: block.name.span };
  }
  return undefined;
}

/** Where the model's and blocks' symbols are declared and used: names there are not blocks. */
function symbolSpans(analysis: Analysis): Set<number> {
  return new Set(analysis.result.symbols.flatMap((symbol) => [symbol.span, ...symbol.references].map((span) => span.start.offset)));
}

/** Every occurrence of block `name` in a program: declaration, import lists, and identifiers that are not symbols. */
export function blockOccurrences(program: Program, name: string, symbolStarts: ReadonlySet<number>): Span[] {
  const spans: Span[] = [];
  for (const block of program.blocks) if (block.name.name === name) spans.push(block.name.span);
  for (const decl of program.imports) for (const imported of decl.names ?? []) if (imported.name === name) spans.push(imported.span);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null || !("kind" in node)) return;
    const value = node as { kind: string; name?: unknown; span?: Span; value?: unknown };
    if (value.kind === "Identifier") {
      if (value.name === name && value.span && !symbolStarts.has(value.span.start.offset)) spans.push(value.span);
      return;
    }
    // Keyword names and the names a node declares (`name`: a block's, a parameter's) are never block uses.
    if (value.kind === "Argument") return visit(value.value);
    for (const [key, child] of Object.entries(value)) if (key !== "span" && key !== "name") visit(child);
  };
  visit([...program.blocks, ...program.models]);
  return uniqueSpans(spans);
}

/** Locations of a block's occurrences in this file, with its declaration first when asked for. */
export function blockReferences(analysis: Analysis, hit: BlockHit, includeDeclaration: boolean): Location[] {
  const declared = hit.declaration;
  const isDeclaration = (span: Span) => declared?.uri === analysis.uri && declared.span.start.offset === span.start.offset;
  const here = hit.occurrences.filter((span) => includeDeclaration || !isDeclaration(span));
  const elsewhere = includeDeclaration && declared && declared.uri !== analysis.uri ? [declared] : [];
  return [...elsewhere, ...here.map((span) => ({ uri: analysis.uri, span }))].map(({ uri, span }) => ({ uri, range: spanToRange(span) }));
}
