import type { Span } from "../diagnostics/span.js";
import type { PreprocessConfig, TrainingConfig } from "./pipeline-types.js";

/**
 * The nnspec IR: a typed graph of layer instances and the calls that apply them.
 * Plain JSON-serialisable data, described by schemas/ir.schema.json. Backends read only this.
 */

export type DType = "float32" | "int32" | "bool";

/**
 * One dimension of a shape:
 * - a number: known size;
 * - a string: a symbolic size, a canonical linear expression over symbol names
 *   ("batch", "T", "T1 + T2", "2*T + 1"), see dims.ts;
 * - null: unknown (`?` in the language). Unknown in gives unknown out.
 */
export type Dim = number | string | null;

export type Shape = Dim[];

export interface TensorType {
  dtype: DType;
  shape: Shape;
}

/** A layer given as an option value, e.g. the LSTM inside `Bidirectional(LSTM(200))`. */
export interface LayerValue {
  kind: "layer";
  type: string;
  options: Options;
}

/** `l1(0.01)`, `l2(0.01)`, `l1_l2(l1=…, l2=…)`: Keras's L1L2 regularizer. */
export interface RegularizerValue {
  kind: "regularizer";
  l1: number;
  l2: number;
}

export type OptionValue =
  | number
  | string
  | boolean
  | null
  | OptionValue[]
  | LayerValue
  | RegularizerValue;

/** A layer's options by their Keras names (`return_sequences`), validated, defaults filled in. */
export type Options = { [name: string]: OptionValue };

/** How a weight is initialised; names and arguments follow Keras's initializers. */
export interface InitializerSpec {
  /**
   * zeros | ones | constant (value) | glorot_uniform | glorot_normal | he_uniform | he_normal |
   * lecun_uniform | lecun_normal | random_uniform (minval, maxval) | random_normal (mean, stddev) |
   * truncated_normal (mean, stddev) | orthogonal (gain) | unit_forget_bias (units: LSTM bias with
   * ones for the forget gate, zeros elsewhere) | identity (gain)
   */
  name: string;
  [arg: string]: string | number;
}

/** One weight variable of a layer, in the order tfjs-layers lists them (the setWeights order). */
export interface WeightSpec {
  /** Keras's weight name: "kernel", "recurrent_kernel", "bias", "embeddings", "forward_lstm/kernel"… */
  name: string;
  shape: number[];
  initializer: InitializerSpec;
  trainable: boolean;
  regularizer?: RegularizerValue;
}

export interface IRParameter {
  name: string;
  value: number | string | boolean;
  default: number | string | boolean;
  overridden: boolean;
  span: Span;
}

/** A value flowing along an edge of the graph. */
export interface IRTensor extends TensorType {
  id: string;
}

export interface IRInput extends IRTensor {
  /** The input's name in the spec; also its tensor id. */
  name: string;
  span: Span;
  /** How raw text becomes this input's token IDs, when the spec declares it. */
  preprocess?: PreprocessConfig;
}

/** A layer instance: one set of weights, applied by one or more nodes. */
export interface IRLayer {
  /** Unique in the model; the binding name where the spec gives one, else `<type>_<n>`. */
  name: string;
  /** The layer definition's type, a Keras class name: "LSTM", "Dense", "Dot". */
  type: string;
  options: Options;
  weights: WeightSpec[];
  params: number;
  trainableParams: number;
  /** Where the layer was constructed. */
  span: Span;
}

/** One application of a layer to tensors. */
export interface IRNode {
  id: string;
  layer: string;
  inputs: string[];
  /** Tensors given by keyword when applying (`initial_state=[h, c]`), by the option's Keras name. */
  keywordInputs?: Record<string, string[]>;
  outputs: IRTensor[];
  /** The call site: the pipe stage or call expression. */
  span: Span;
}

export interface IROutput extends TensorType {
  name: string;
  tensor: string;
  span: Span;
}

export interface ModelIR {
  format: "nnspec-ir";
  version: 1;
  name: string;
  source: { file: string; sha256: string };
  params: IRParameter[];
  /** Dims the user declared equal with `where`, as [replaced, canonical] pairs. */
  constraints: [string, Dim][];
  inputs: IRInput[];
  layers: IRLayer[];
  /** In topological order: every node's inputs are produced by an earlier node or are model inputs. */
  nodes: IRNode[];
  outputs: IROutput[];
  /** The spec's `train { … }` declaration with defaults filled in. */
  training?: TrainingConfig;
}
