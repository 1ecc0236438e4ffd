import type { IRLayer, IRNode, IROutput } from "../types.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";

/** Layers that pass a sequence through unchanged in meaning (they do not model order). */
const TRANSPARENT = new Set(["Dropout", "SpatialDropout1D", "GaussianNoise", "Activation", "LayerNormalization", "BatchNormalization"]);

interface Graph {
  layers: Map<string, IRLayer>;
  producer: Map<string, IRNode>;
  consumers: Map<string, IRNode[]>;
  outputs: Set<string>;
}

/** Lints over the finished graph: patterns that are legal but almost always a mistake. */
export function lintGraph(nodes: readonly IRNode[], layers: readonly IRLayer[], outputs: readonly IROutput[], sink: DiagnosticSink): void {
  const graph: Graph = {
    layers: new Map(layers.map((l) => [l.name, l])),
    producer: new Map(nodes.flatMap((n) => n.outputs.map((t) => [t.id, n] as const))),
    consumers: new Map(),
    outputs: new Set(outputs.map((o) => o.tensor)),
  };
  for (const node of nodes) {
    for (const id of node.inputs) {
      const consumers = graph.consumers.get(id);
      if (consumers) consumers.push(node);
      else graph.consumers.set(id, [node]);
    }
  }
  for (const node of nodes) {
    lintStackedLinearDense(node, graph, sink);
    lintSoftmaxTwice(node, graph, sink);
    lintEmbeddingIntoDense(node, graph, sink);
  }
  for (const layer of layers) lintNoOp(layer, sink);
}

function layerOf(node: IRNode, graph: Graph): IRLayer {
  return graph.layers.get(node.layer)!;
}

function isLinearDense(layer: IRLayer): boolean {
  return layer.type === "Dense" && (layer.options.activation === null || layer.options.activation === "linear");
}

function appliesSoftmax(layer: IRLayer): boolean {
  return layer.type === "Softmax" || layer.options.activation === "softmax";
}

/** The single node producing a node's single input, if that input feeds nothing else. */
function soleProducer(node: IRNode, graph: Graph): IRNode | undefined {
  if (node.inputs.length !== 1) return undefined;
  const id = node.inputs[0];
  if (graph.outputs.has(id) || (graph.consumers.get(id)?.length ?? 0) !== 1) return undefined;
  return graph.producer.get(id);
}

function lintStackedLinearDense(node: IRNode, graph: Graph, sink: DiagnosticSink): void {
  const producer = soleProducer(node, graph);
  // The first map being linear is enough: W2·(W1·x + b1) + b2 is one Dense layer.
  if (!producer || layerOf(node, graph).type !== "Dense" || !isLinearDense(layerOf(producer, graph))) return;
  sink.report(
    "StackedLinearDense",
    `Dense '${node.layer}' follows Dense '${producer.layer}' with no activation between them: the two collapse into one linear map; give '${producer.layer}' an activation`,
    node.span,
    [{ message: `'${producer.layer}' applied here`, span: producer.span }],
  );
}

function lintSoftmaxTwice(node: IRNode, graph: Graph, sink: DiagnosticSink): void {
  const producer = node.inputs.length === 1 ? graph.producer.get(node.inputs[0]) : undefined;
  if (!producer || !appliesSoftmax(layerOf(node, graph)) || !appliesSoftmax(layerOf(producer, graph))) return;
  sink.report(
    "ActivationAfterSoftmax",
    `softmax is applied twice: '${producer.layer}' already gives probabilities, and '${node.layer}' flattens them towards uniform`,
    node.span,
    [{ message: `first softmax in '${producer.layer}'`, span: producer.span }],
  );
}

/** An Embedding's sequence reaching a Dense with only transparent layers between: no layer ever looks across time. */
function lintEmbeddingIntoDense(node: IRNode, graph: Graph, sink: DiagnosticSink): void {
  if (layerOf(node, graph).type !== "Dense") return;
  let current: IRNode | undefined = node.inputs.length === 1 ? graph.producer.get(node.inputs[0]) : undefined;
  while (current && TRANSPARENT.has(layerOf(current, graph).type)) {
    current = current.inputs.length === 1 ? graph.producer.get(current.inputs[0]) : undefined;
  }
  if (!current || layerOf(current, graph).type !== "Embedding") return;
  sink.report(
    "EmbeddingWithoutSequenceLayer",
    `Dense '${node.layer}' gets the output of Embedding '${current.layer}' with no sequence layer between them: each token is processed on its own and word order is never used; add an RNN, attention or pooling layer`,
    node.span,
    [{ message: `Embedding '${current.layer}' applied here`, span: current.span }],
  );
}

/** Layers are already pruned to those applied on the way to an output. */
function lintNoOp(layer: IRLayer, sink: DiagnosticSink): void {
  const noOp =
    (layer.type === "Dropout" && layer.options.rate === 0) ||
    (layer.type === "Activation" && (layer.options.activation === "linear" || layer.options.activation === null));
  if (!noOp) return;
  const why = layer.type === "Dropout" ? "a dropout rate of 0 drops nothing" : "the linear activation returns its input unchanged";
  sink.report("NoOpLayer", `${layer.type} '${layer.name}' has no effect: ${why}`, layer.span);
}
