import type { Span } from "../../diagnostics/span.js";
import type { OptionValue, Options, TensorType } from "../types.js";
import type { Lowering } from "./lowering.js";
import type { Value } from "./values.js";

/** A layer as editors show it: its name, type, options (defaults filled in) and parameter count. */
export interface LayerInfo {
  name: string;
  type: string;
  options: Options;
  params: number;
}

/** What a declared name stands for, with its types: the data behind hovers, outlines and inlay hints. */
export interface SymbolInfo {
  name: string;
  kind: "input" | "parameter" | "constant" | "tensor" | "tensors" | "layer" | "invalid";
  /** The name at its declaration. */
  span: Span;
  /** Every use of the name. */
  references: Span[];
  /** Tensor types for inputs and tensor bindings. */
  types?: TensorType[];
  /** The layer of a layer binding, or the layer whose output a tensor binding names. */
  layer?: LayerInfo;
  value?: OptionValue;
  /** The IR tensor id a tensor binding or input names (`<layer>/<call>:<index>`, or the input's name). */
  tensor?: string;
}

/** One application of a layer in the source: what editors show when hovering a layer call. */
export interface CallInfo {
  span: Span;
  layer: LayerInfo;
  inputs: TensorType[];
  outputs: TensorType[];
}

/** The model's names and layer calls as far as lowering got (also when there are errors). */
export function collectSymbols(lowering: Lowering): { symbols: SymbolInfo[]; calls: CallInfo[] } {
  const { graph } = lowering;
  const layers = new Map(graph.layers.map((l) => [l.name, { name: l.name, type: l.type, options: l.options, params: l.params }]));
  const tensorTypes = new Map<string, TensorType>(graph.inputs.map((i) => [i.id, { dtype: i.dtype, shape: i.shape }]));
  const producers = new Map<string, string>();
  for (const node of graph.nodes) {
    for (const t of node.outputs) {
      tensorTypes.set(t.id, { dtype: t.dtype, shape: t.shape });
      producers.set(t.id, node.layer);
    }
  }
  const parameterNames = new Set(lowering.parameters.map((p) => p.name));
  const symbols: SymbolInfo[] = [];
  for (const [name, declaration] of lowering.declarations.names) {
    const value = lowering.computedValue(name);
    const info: SymbolInfo = { name, kind: "invalid", span: declaration.span, references: lowering.references.get(name) ?? [] };
    describeSymbol(info, value, layers, producers);
    if (declaration.kind === "input") info.kind = info.kind === "tensor" ? "input" : info.kind;
    else if (info.kind === "constant" && parameterNames.has(name)) info.kind = "parameter";
    symbols.push(info);
  }
  const calls: CallInfo[] = graph.nodes.map((node) => ({
    span: node.span,
    layer: layers.get(node.layer)!,
    inputs: node.inputs.map((id) => tensorTypes.get(id)!).filter(Boolean),
    outputs: node.outputs.map((t) => ({ dtype: t.dtype, shape: t.shape })),
  }));
  return { symbols, calls };
}

function describeSymbol(info: SymbolInfo, value: Value | undefined, layers: Map<string, LayerInfo>, producers: Map<string, string>): void {
  if (!value) return;
  switch (value.kind) {
    case "tensor": {
      info.kind = "tensor";
      info.types = [value.tensor.type];
      info.tensor = value.tensor.id;
      const producer = producers.get(value.tensor.id);
      if (producer) info.layer = layers.get(producer);
      break;
    }
    case "tensors":
      info.kind = "tensors";
      info.types = value.tensors.map((t) => t.type);
      break;
    case "layer": {
      info.kind = "layer";
      const handle = value.layer;
      info.layer = handle.instance
        ? layers.get(handle.instance.name)
        : { name: handle.name ?? info.name, type: handle.definition.type, options: handle.options, params: 0 };
      break;
    }
    case "constant":
      info.kind = "constant";
      info.value = value.value;
      break;
    default:
      break;
  }
}
