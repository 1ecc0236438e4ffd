import { fileStartSpan } from "../../src/diagnostics/span.js";
import type { IRLayer, IRNode, ModelIR, WeightSpec } from "../../src/ir/types.js";

/**
 * Small IRs written by hand, independent of the parser and lowering: what the lowering
 * produces, options complete with Keras's defaults.
 */

const span = fileStartSpan("fixture.nnspec");

function weight(name: string, shape: number[], initializer: WeightSpec["initializer"]): WeightSpec {
  return { name, shape, initializer, trainable: true };
}

function layer(name: string, type: string, options: IRLayer["options"], weights: WeightSpec[]): IRLayer {
  const params = weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
  return { name, type, options, weights, params, trainableParams: params, span };
}

function node(id: string, layerName: string, inputs: string[], outputs: IRNode["outputs"]): IRNode {
  return { id, layer: layerName, inputs, outputs, span };
}

function model(name: string, parts: Pick<ModelIR, "inputs" | "layers" | "nodes" | "outputs">): ModelIR {
  return { format: "nnspec-ir", version: 1, name, source: { file: "fixture.nnspec", sha256: "" }, params: [], constraints: [], ...parts };
}

function embedding(name: string, inputDim: number, outputDim: number): IRLayer {
  return layer(
    name,
    "Embedding",
    {
      input_dim: inputDim,
      output_dim: outputDim,
      input_length: null,
      mask_zero: false,
      embeddings_initializer: "random_uniform",
      embeddings_regularizer: null,
      activity_regularizer: null,
    },
    [weight("embeddings", [inputDim, outputDim], { name: "random_uniform", minval: -0.05, maxval: 0.05 })],
  );
}

function lstm(name: string, inputSize: number, units: number): IRLayer {
  return layer(
    name,
    "LSTM",
    {
      units,
      activation: "tanh",
      recurrent_activation: "sigmoid",
      use_bias: true,
      kernel_initializer: "glorot_uniform",
      recurrent_initializer: "orthogonal",
      bias_initializer: "zeros",
      kernel_regularizer: null,
      recurrent_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      unit_forget_bias: true,
      dropout: 0,
      recurrent_dropout: 0,
      return_sequences: true,
      return_state: false,
      go_backwards: false,
      stateful: false,
      unroll: false,
    },
    [
      weight("kernel", [inputSize, 4 * units], { name: "glorot_uniform" }),
      weight("recurrent_kernel", [units, 4 * units], { name: "orthogonal", gain: 1 }),
      weight("bias", [4 * units], { name: "unit_forget_bias", units }),
    ],
  );
}

function dense(name: string, inputSize: number, units: number): IRLayer {
  const options = {
    units,
    activation: "tanh",
    use_bias: true,
    kernel_initializer: "glorot_uniform",
    bias_initializer: "zeros",
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
  };
  return layer(name, "Dense", options, [
    weight("kernel", [inputSize, units], { name: "glorot_uniform" }),
    weight("bias", [units], { name: "zeros" }),
  ]);
}

/** `ids: int32[batch, 20] |> Embedding(1000, 100) |> LSTM(200, return_sequences=true)`. */
export function embeddingLstm(): ModelIR {
  return model("EmbeddingLstm", {
    inputs: [{ id: "ids", name: "ids", dtype: "int32", shape: ["batch", 20], span }],
    layers: [embedding("embedding", 1000, 100), lstm("lstm", 100, 200)],
    nodes: [
      node("n0", "embedding", ["ids"], [{ id: "embedded", dtype: "float32", shape: ["batch", 20, 100] }]),
      node("n1", "lstm", ["embedded"], [{ id: "lstm", dtype: "float32", shape: ["batch", 20, 200] }]),
    ],
    outputs: [{ name: "lstm", tensor: "lstm", dtype: "float32", shape: ["batch", 20, 200], span }],
  });
}

/** Two inputs of symbolic lengths through one shared Embedding, concatenated in time, then Dense. */
export function sharedEmbedding(): ModelIR {
  return model("SharedEmbedding", {
    inputs: [
      { id: "a", name: "a", dtype: "int32", shape: ["batch", "T1"], span },
      { id: "b", name: "b", dtype: "int32", shape: ["batch", 7], span },
    ],
    layers: [
      embedding("embedding", 50, 8),
      layer("joined", "Concatenate", { axis: 1 }, []),
      dense("h", 8, 4),
    ],
    nodes: [
      node("n0", "embedding", ["a"], [{ id: "ea", dtype: "float32", shape: ["batch", "T1", 8] }]),
      node("n1", "embedding", ["b"], [{ id: "eb", dtype: "float32", shape: ["batch", 7, 8] }]),
      node("n2", "joined", ["ea", "eb"], [{ id: "joined", dtype: "float32", shape: ["batch", "T1 + 7", 8] }]),
      node("n3", "h", ["joined"], [{ id: "h", dtype: "float32", shape: ["batch", "T1 + 7", 4] }]),
    ],
    outputs: [{ name: "h", tensor: "h", dtype: "float32", shape: ["batch", "T1 + 7", 4], span }],
  });
}
