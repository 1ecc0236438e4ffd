import { SymbolKind, type DocumentSymbol } from "vscode-languageserver/node.js";
import type { SymbolInfo } from "../ir/lower/symbols.js";
import type { Statement } from "../parser/ast.js";
import type { Analysis } from "./analysis.js";
import { blockSignature, targetsOf, textOf } from "./declarations.js";
import { spanToRange } from "./ranges.js";
import { typesText, valueText } from "./type-text.js";

/**
 * The file's outline: its blocks and its model, and inside each the inputs, parameters, layers,
 * tensors and outputs in source order, with the model's types. Built from the syntax tree, so
 * it stays while the file has errors; the types are there as far as checking got.
 */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const program = analysis.result.program;
  if (program === undefined) return [];
  const symbols = new Map(analysis.result.symbols.map((s) => [s.name, s]));
  // Checking types the model's names; a block's names have types only per call.
  const untyped = new Map<string, SymbolInfo>();
  const blocks = program.blocks.map((block) => ({
    name: block.name.name,
    detail: blockSignature(block, analysis.text),
    kind: SymbolKind.Function,
    range: spanToRange(block.span),
    selectionRange: spanToRange(block.name.span),
    children: block.body.flatMap((statement) => statementSymbols(statement, untyped, analysis.text)),
  }));
  const models = program.models.map((model) => ({
    name: model.name.name,
    detail: "model",
    kind: SymbolKind.Module,
    range: spanToRange(model.span),
    selectionRange: spanToRange(model.name.span),
    children: model.body.flatMap((statement) => statementSymbols(statement, symbols, analysis.text)),
  }));
  return [...blocks, ...models].filter((s) => s.name !== "").sort((a, b) => compareRanges(a.range, b.range));
}

function compareRanges(a: DocumentSymbol["range"], b: DocumentSymbol["range"]): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function statementSymbols(statement: Statement, symbols: Map<string, SymbolInfo>, text: string): DocumentSymbol[] {
  const range = spanToRange(statement.span);
  switch (statement.kind) {
    case "Input": {
      const types = symbols.get(statement.name.name)?.types;
      const detail = `input ${types === undefined ? textOf(text, statement.type.span) : typesText(types)}`;
      return [{ name: statement.name.name, detail, kind: SymbolKind.Field, range, selectionRange: spanToRange(statement.name.span) }];
    }
    case "Where":
      return [{ name: `where ${textOf(text, statement.left.span)} == ${textOf(text, statement.right.span)}`, kind: SymbolKind.Operator, range, selectionRange: range }];
    case "Output":
    case "Binding": {
      const isOutput = statement.kind === "Output";
      return targetsOf(statement)
        .filter((target) => target.name.name !== "")
        .map((target) => {
          const symbol = symbols.get(target.name.name);
          const { kind, detail } = describe(symbol);
          return {
            name: target.name.name,
            detail: isOutput ? `output ${detail}`.trim() : detail,
            kind: isOutput ? SymbolKind.Event : kind,
            range,
            selectionRange: spanToRange(target.name.span),
          };
        });
    }
    default:
      return [{ name: textOf(text, statement.span).split(/[\s{]/)[0] ?? statement.kind, kind: SymbolKind.Namespace, range, selectionRange: range }];
  }
}

function describe(symbol: SymbolInfo | undefined): { kind: SymbolKind; detail: string } {
  switch (symbol?.kind) {
    case "parameter":
    case "constant":
      return { kind: SymbolKind.Constant, detail: symbol.value === undefined ? symbol.kind : `= ${valueText(symbol.value)}` };
    case "layer":
      return { kind: SymbolKind.Class, detail: `${symbol.layer?.type ?? ""} layer`.trim() };
    case "tensor":
    case "tensors":
    case "input":
      return { kind: SymbolKind.Variable, detail: symbol.types === undefined ? "" : typesText(symbol.types) };
    default:
      return { kind: SymbolKind.Variable, detail: "" };
  }
}
