import type { CodeName } from "../diagnostics/codes.js";
import type { Span } from "../diagnostics/span.js";
import type { IRLayer, LayerValue, Options, TensorType, WeightSpec } from "./types.js";

/** A JSON Schema (draft-07 subset checked by ajv) for a layer's options object. */
export type OptionSchema = {
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties: false;
  [keyword: string]: unknown;
};

/** A tensor a layer is applied to, with where it came from, for messages. */
export interface LayerInput {
  type: TensorType;
  /** The binding or input name that produced it, if it has one ("bilstm1"). */
  name?: string;
  /** Where that tensor was defined. */
  span: Span;
}

/** Where a problem points: an option's argument, one of the input tensors, or the whole call. */
export type ProblemLocation = { option: string } | { input: number } | { keyword: string; index?: number } | "call";

/** What a shape rule sees, and how it reports problems. */
export interface InferContext {
  /** The layer instance's name, for messages. */
  layerName: string;
  /** Options after validation, with defaults filled in. */
  options: Options;
  inputs: readonly LayerInput[];
  /** Tensors given by keyword when applying, for the keywords in `tensorKeywords`. */
  keywordInputs: Readonly<Record<string, readonly LayerInput[]>>;
  error(code: CodeName, message: string, at?: ProblemLocation): void;
  warn(code: CodeName, message: string, at?: ProblemLocation): void;
  /** Runs the shape rule of a wrapped layer (Bidirectional's LSTM) on the given inputs. */
  inferWrapped(layer: LayerValue, inputs: readonly LayerInput[]): Inference | undefined;
}

/** The result of a shape rule: output tensor types and the layer's weights (shapes known). */
export interface Inference {
  outputs: TensorType[];
  weights: WeightSpec[];
}

/** The tfjs-layers class and constructor config (camelCase, as `tf.layers.lstm(config)` takes it). */
export interface TfjsLayerConfig {
  className: string;
  config: Record<string, unknown>;
}

/**
 * Everything nnspec knows about one layer type, in one object: adding a layer means writing
 * one of these and registering it in layers/index.ts.
 */
export interface LayerDefinition {
  /** The Keras class name users write: "LSTM", "Bidirectional", "Dot". */
  type: string;
  /** The file/family it belongs to: "core", "embedding", "recurrent", "merge", "activation". */
  family: string;
  /** One line for docs, hovers and completion. */
  summary: string;
  /** Option names that may be given positionally, in order: ["units"] for LSTM. */
  positional: readonly string[];
  /** JSON Schema of the options; defaults here are Keras's and get filled in. */
  options: OptionSchema;
  /** How many tensors it is applied to (max null: any number). */
  inputs: { min: number; max: number | null };
  /**
   * Keywords that take tensors when the layer is applied, e.g. ["initial_state"] for RNNs:
   * `LSTM(64)(x, initial_state=[h, c])`. A list literal gives several tensors.
   */
  tensorKeywords?: readonly string[];
  /** The shape rule: pure; reports problems through ctx; undefined when outputs cannot be inferred. */
  infer(ctx: InferContext): Inference | undefined;
  /** Lowering to tfjs-layers: class name and config; must not import TensorFlow.js. */
  toTfjs(layer: Pick<IRLayer, "name" | "options">): TfjsLayerConfig;
}

/**
 * A lowercase function form that applies a layer at once: `dot(a, b, axes=2)`, `softmax(x)`,
 * `relu(x)`. Tensors come first as positional arguments; keyword arguments are the layer's options.
 */
export interface FunctionDefinition {
  name: string;
  /** The layer type it creates. */
  layer: string;
  /** Options fixed by the function itself (`relu` → { activation: "relu" }). */
  fixed?: Options;
  /** Option names that may follow the tensors positionally (`softmax(x, -1)` → ["axis"]). */
  positional?: readonly string[];
  summary: string;
}
