import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver/node.js";
import type { SymbolInfo } from "../ir/lower/symbols.js";
import { functionDefinitions, layerDefinitions, regularizerFunctionNames } from "../ir/layers/index.js";
import type { Analysis } from "./analysis.js";
import { cursorContext, type CallContext } from "./cursor-context.js";
import { blockSignature, namesInScope } from "./declarations.js";
import { declarationKeywords, statementKeywords, valueKeywords } from "./keywords.js";
import { calleeDefinition, calleeOptions, layerOptions, type OptionDoc } from "./option-docs.js";
import { typesText, valueText } from "./type-text.js";

/**
 * Completion at a position: inside a call, the options it has not been given yet (or, after
 * `name=`, the values that option allows); everywhere values go, the layer types, functions
 * and declared names; where a statement or declaration may start, its keywords.
 */
export function completionsAt(analysis: Analysis, offset: number): CompletionItem[] {
  const context = cursorContext(analysis.text, offset);
  if (context.inText) return [];
  const call = context.call;
  if (call?.optionValue !== undefined) {
    const values = optionValueItems(call, call.optionValue);
    if (values.length > 0) return [...values, ...nameItems(analysis, offset).filter((i) => i.kind === CompletionItemKind.Constant)];
  }
  const items: CompletionItem[] = [];
  if (call?.atArgumentStart) items.push(...optionItems(call));
  items.push(...nameItems(analysis, offset), ...blockItems(analysis), ...layerItems(), ...functionItems());
  items.push(...valueKeywords.map((word) => keywordItem(word, "9")));
  if (context.fileLevel) items.push(...declarationKeywords.map((word) => keywordItem(word, "8")));
  else if (context.topLevel) items.push(...statementKeywords.map((word) => keywordItem(word, "8")));
  return items;
}

/** `return_sequences=` and the like: the options of the call's layer that are still free. */
function optionItems(call: CallContext): CompletionItem[] {
  const callee = call.callee === undefined ? undefined : calleeDefinition(call.callee);
  if (callee === undefined) return [];
  // A layer's leading options may be given by position (`LSTM(200, …)` gives units).
  const byPosition = callee.kind === "layer" ? callee.definition.positional.slice(0, call.positional) : [];
  const given = new Set([...call.keywords, ...byPosition]);
  return calleeOptions(callee)
    .filter((option) => !given.has(option.name))
    .map((option) => ({
      label: option.name,
      kind: CompletionItemKind.Property,
      detail: option.required ? "required" : `default ${option.defaultText ?? "none"}`,
      documentation: `${option.name}: ${option.type}`,
      insertText: `${option.name}=`,
      sortText: `0${option.required ? "0" : "1"}${option.name}`,
    }));
}

/** After `merge_mode=`: `"concat"`, `"sum"`, …, `none`; after a flag: `true`, `false`. */
function optionValueItems(call: CallContext, name: string): CompletionItem[] {
  const callee = call.callee === undefined ? undefined : calleeDefinition(call.callee);
  const option = callee === undefined ? undefined : calleeOptions(callee).find((o) => o.name === name);
  if (option === undefined) return [];
  const values = option.values ?? (option.type.startsWith("boolean") ? ["true", "false"] : []);
  return values.map((value, i) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: value === option.defaultText ? `${option.name} (default)` : option.name,
    sortText: `0${String(i).padStart(3, "0")}`,
    preselect: value === option.defaultText,
  }));
}

/** The names in scope (the model's, or a block's), with their types where checking found them. */
function nameItems(analysis: Analysis, offset: number): CompletionItem[] {
  const scope = namesInScope(analysis.result.program, offset);
  const symbols = new Map(scope.inBlock ? [] : analysis.knownSymbols.map((s) => [s.name, s]));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const declaration of scope.names) {
    // The name being typed at its own declaration is not a completion of itself.
    const typingIt = declaration.span.start.offset <= offset && offset <= declaration.span.end.offset;
    if (seen.has(declaration.name) || typingIt) continue;
    seen.add(declaration.name);
    const symbol = symbols.get(declaration.name);
    items.push({ label: declaration.name, kind: nameKind(symbol), detail: symbolDetail(symbol), sortText: `1${declaration.name}` });
  }
  return items;
}

/** The blocks this file declares, callable like layers. */
function blockItems(analysis: Analysis): CompletionItem[] {
  return (analysis.result.program?.blocks ?? [])
    .filter((block) => block.name.name !== "")
    .map((block) => ({
      label: block.name.name,
      kind: CompletionItemKind.Module,
      detail: blockSignature(block, analysis.text),
      sortText: `2${block.name.name}`,
    }));
}

function layerItems(): CompletionItem[] {
  return [...layerDefinitions.values()].map((definition) => ({
    label: definition.type,
    kind: CompletionItemKind.Class,
    detail: definition.summary,
    documentation: {
      kind: MarkupKind.Markdown,
      value: layerOptions(definition).map((o) => `- \`${o.name}\`: ${optionDetail(o)}`).join("\n"),
    },
    sortText: `2${definition.type}`,
  }));
}

function functionItems(): CompletionItem[] {
  const functions = [...functionDefinitions.values()].map((definition) => ({
    label: definition.name,
    kind: CompletionItemKind.Function,
    detail: definition.summary,
    sortText: `3${definition.name}`,
  }));
  const regularizers = regularizerFunctionNames.map((name) => ({
    label: name,
    kind: CompletionItemKind.Function,
    detail: `${name}(…): a weight regularizer`,
    sortText: `4${name}`,
  }));
  return [...functions, ...regularizers];
}

function keywordItem(word: string, rank: string): CompletionItem {
  return { label: word, kind: CompletionItemKind.Keyword, sortText: `${rank}${word}` };
}

/** `integer ≥ 1 (required)`, `boolean = false`. */
function optionDetail(option: OptionDoc): string {
  if (option.required) return `${option.type} (required)`;
  return option.defaultText === undefined ? option.type : `${option.type} = ${option.defaultText}`;
}

function nameKind(symbol: SymbolInfo | undefined): CompletionItemKind {
  switch (symbol?.kind) {
    case "parameter":
    case "constant":
      return CompletionItemKind.Constant;
    case "layer":
      return CompletionItemKind.Class;
    default:
      return CompletionItemKind.Variable;
  }
}

function symbolDetail(symbol: SymbolInfo | undefined): string | undefined {
  if (symbol === undefined) return undefined;
  if (symbol.types !== undefined && symbol.types.length > 0) return typesText(symbol.types);
  if (symbol.value !== undefined) return `= ${valueText(symbol.value)}`;
  if (symbol.layer !== undefined) return `${symbol.layer.type} layer`;
  return symbol.kind;
}
