import type { Span } from "../../diagnostics/span.js";
import type { BlockRef } from "../../api/imports.js";
import type { FunctionDefinition, LayerDefinition } from "../layer-definition.js";
import type { IRLayer, OptionValue, Options, TensorType } from "../types.js";

/** A tensor while lowering: its IR id and type, and where it was defined (for messages). */
export interface TensorRef {
  id: string;
  type: TensorType;
  /** The binding or input that names it, if any. */
  name?: string;
  /** Where it was defined: the binding target, the input declaration, or the expression. */
  span: Span;
}

/** A constructed layer: options known, weights created when it is first applied. */
export interface LayerHandle {
  definition: LayerDefinition;
  options: Options;
  /** Spans of the arguments that set each option, so problems point at `units=0`. */
  optionSpans: Map<string, Span>;
  /** The constructor call. */
  span: Span;
  /** Set for layers bound to a name (`embedding = Embedding(…)`). */
  name?: string;
  /** The IR layer, once applied; later applications share it. */
  instance?: IRLayer;
}

/** What an expression evaluates to. */
export type Value =
  | { kind: "constant"; value: OptionValue }
  | { kind: "tensor"; tensor: TensorRef }
  | { kind: "tensors"; tensors: TensorRef[] }
  | { kind: "layer"; layer: LayerHandle }
  | { kind: "layer-type"; definition: LayerDefinition }
  | { kind: "function"; definition: FunctionDefinition }
  | { kind: "regularizer-function"; name: string }
  | { kind: "block"; block: BlockRef }
  /** Something already reported: used quietly so one mistake gives one diagnostic. */
  | { kind: "invalid" };

export const INVALID: Value = { kind: "invalid" };

/** "a tensor", "a layer", "the number 3": for messages about using a value as the wrong kind. */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case "constant":
      return describeConstant(value.value);
    case "tensor":
      return "a tensor";
    case "tensors":
      return `${value.tensors.length} tensors`;
    case "layer":
      return `a layer (${value.layer.definition.type})`;
    case "layer-type":
      return `the layer type ${value.definition.type}`;
    case "function":
      return `the function ${value.definition.name}`;
    case "regularizer-function":
      return `the regularizer ${value.name}`;
    case "block":
      return `the block ${value.block.decl.name.name}`;
    case "invalid":
      return "an invalid value";
  }
}

function describeConstant(value: OptionValue): string {
  if (value === null) return "none";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return value.kind === "layer" ? `a layer (${value.type})` : "a regularizer";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/** The tensors a value stands for, or undefined if it is not made of tensors. */
export function tensorsOf(value: Value): TensorRef[] | undefined {
  if (value.kind === "tensor") return [value.tensor];
  if (value.kind === "tensors") return value.tensors;
  return undefined;
}
