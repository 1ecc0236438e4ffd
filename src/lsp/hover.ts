import { MarkupKind, type Hover } from "vscode-languageserver/node.js";
import type { CallInfo, LayerInfo, SymbolInfo } from "../ir/lower/symbols.js";
import type { Analysis } from "./analysis.js";
import { cursorContext } from "./cursor-context.js";
import { blockNamed, blockSignature, declarations, textOf } from "./declarations.js";
import { calleeDefinition, calleeOptions, type CalleeDefinition, type OptionDoc } from "./option-docs.js";
import { offsetsToRange, spanToRange } from "./ranges.js";
import { callAt, symbolAt, wordAt } from "./symbol-lookup.js";
import { countText, layerText, typesText, typeText, valueText } from "./type-text.js";

/**
 * What hovering shows: for a name, its type (or value) and the layer behind it; for a layer
 * call, its input and output types and the layer's options with defaults filled in; for a
 * layer type or function name, its summary and options; for a block, its parameters; for an
 * option name, its schema.
 */
export function hoverAt(analysis: Analysis, offset: number): Hover | null {
  const { result, text } = analysis;
  const hit = symbolAt(result.symbols, offset);
  if (hit !== undefined) return markdown(symbolHover(hit.symbol, analysis), spanToRange(hit.occurrence));
  const word = cursorContext(text, offset).inText ? undefined : wordAt(text, offset);
  const call = callAt(result.calls, offset);
  if (word !== undefined) {
    const range = offsetsToRange(text, word.start, word.end);
    const block = blockNamed(result.program, word.word);
    if (block !== undefined) return markdown([code(blockSignature(block, text))], range);
    const callee = calleeDefinition(word.word);
    // The callee of the call under the cursor gets the call's hover, with its actual types.
    const isCallOwnName = call !== undefined && call.span.start.offset === word.start;
    if (callee !== undefined && !isCallOwnName) return markdown(definitionHover(word.word, callee), range);
    const option = optionAt(text, word);
    if (option !== undefined) return markdown(optionHover(option), range);
  }
  if (call !== undefined) return markdown(callHover(call), spanToRange(call.span));
  return null;
}

function symbolHover(symbol: SymbolInfo, analysis: Analysis): string[] {
  const types = symbol.types ?? [];
  switch (symbol.kind) {
    case "input":
      return [code(`input ${symbol.name}: ${typesText(types)}`)];
    case "tensor":
    case "tensors": {
      const sections = [code(`${symbol.name}: ${types.length > 0 ? typesText(types) : "?"}`)];
      if (symbol.layer !== undefined) sections.push(...layerSections(symbol.layer, "Output of the"));
      return sections;
    }
    case "layer": {
      const uses = analysis.result.calls.filter((c) => c.layer.name === symbol.layer?.name).length;
      const times = uses === 2 ? "twice" : `${uses} times`;
      const applied = uses === 0 ? "not applied yet" : uses === 1 ? "applied once" : `applied ${times}, sharing its weights`;
      const sections = [code(`${symbol.name} = ${symbol.layer?.type ?? "?"}(…)`), `A layer, ${applied}.`];
      if (symbol.layer !== undefined) sections.push(...layerSections(symbol.layer, "The"));
      return sections;
    }
    case "parameter":
    case "constant":
      return [code(`${symbol.name} = ${symbol.value === undefined ? "?" : valueText(symbol.value)}`), valueNote(symbol, analysis)];
    case "invalid":
      return [code(symbol.name), "Its definition has errors, so it has no type."];
  }
}

function valueNote(symbol: SymbolInfo, analysis: Analysis): string {
  if (symbol.kind === "constant") return "A constant, computed from parameters.";
  if (!Object.hasOwn(analysis.settings.params, symbol.name)) return "A parameter (`--set` can override it).";
  const declared = declarations(analysis.result.program).find((d) => d.name === symbol.name)?.statement;
  const written = declared?.kind === "Binding" ? textOf(analysis.text, declared.value.span) : "?";
  return `A parameter, overridden in the settings; the spec's default is \`${written}\`.`;
}

function callHover(call: CallInfo): string[] {
  const inputs = call.inputs.map(typeText).join(", ");
  return [code(`${call.layer.type}: ${inputs} → ${typesText(call.outputs)}`), ...layerSections(call.layer, "Applies the")];
}

/** `<lead> **Dense** layer \`h\` · 160,200 parameters`, then its options as a spec would write them. */
function layerSections(layer: LayerInfo, lead: string): string[] {
  const params = layer.params === 1 ? "1 parameter" : `${countText(layer.params)} parameters`;
  return [`${lead} **${layer.type}** layer \`${layer.name}\` · ${params}`, code(layerText(layer.type, layer.options))];
}

function definitionHover(name: string, callee: CalleeDefinition): string[] {
  const summary = callee.definition.summary;
  const header =
    callee.kind === "layer" ? `**${name}** layer: ${summary}` : `**${name}** function (a ${callee.layer.type} layer): ${summary}`;
  const options = calleeOptions(callee).map((o) => `- ${optionLine(o)}`);
  return options.length === 0 ? [header] : [header, options.join("\n")];
}

function optionHover(option: OptionDoc): string[] {
  const sections = [code(`${option.name}: ${option.type}`)];
  sections.push(option.required ? "Required." : `Default: \`${option.defaultText ?? "none"}\``);
  return sections;
}

/** `units`: `integer ≥ 1` (required), or `activation`: `…` = `"tanh"`. */
function optionLine(option: OptionDoc): string {
  const rest = option.required ? " (required)" : option.defaultText === undefined ? "" : ` = \`${option.defaultText}\``;
  return `\`${option.name}\`: ${option.type}${rest}`;
}

/** The option a keyword argument's name stands for (`units` in `Dense(units=4)`). */
function optionAt(text: string, word: { word: string; start: number; end: number }): OptionDoc | undefined {
  if (!/^\s*=(?!=)/.test(text.slice(word.end))) return undefined;
  const callee = cursorContext(text, word.start).call?.callee;
  const definition = callee === undefined ? undefined : calleeDefinition(callee);
  return definition === undefined ? undefined : calleeOptions(definition).find((o) => o.name === word.word);
}

function markdown(sections: string[], range: Hover["range"]): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: sections.join("\n\n") }, range };
}

function code(text: string): string {
  return "```nnspec\n" + text + "\n```";
}
