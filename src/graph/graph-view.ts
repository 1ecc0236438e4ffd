import { getLayerDefinition } from "../ir/layers/index.js";
import type { DType, ModelIR, Shape, TensorType } from "../ir/types.js";
import { layerCallText, type LayerCallText } from "./layer-call-text.js";

/**
 * The model as a diagram sees it, independent of the drawing language: one vertex per model
 * input, per layer call and per model output, and one edge per tensor use. DOT and Mermaid
 * are both drawn from this, so they always show the same graph.
 */
export interface GraphView {
  /** The model's name, the diagram's title. */
  name: string;
  vertices: Vertex[];
  edges: GraphEdge[];
}

export type Vertex = InputVertex | CallVertex | OutputVertex;

export interface InputVertex {
  kind: "input";
  /** Unique among all vertices; not a valid identifier in every language (renderers map it). */
  id: string;
  name: string;
  dtype: DType;
  shape: Shape;
}

export interface OutputVertex {
  kind: "output";
  id: string;
  name: string;
  dtype: DType;
  shape: Shape;
}

/** One application of a layer. A shared layer has one vertex per call. */
export interface CallVertex {
  kind: "call";
  id: string;
  /** The layer's name (shared calls repeat it). */
  layer: string;
  call: LayerCallText;
  /** The layer definition's family ("recurrent", "merge", …), for colours. */
  family: string;
  /** How many tensors the call returns; edges from a multi-output call name their output. */
  outputCount: number;
  /** Present when the layer is applied more than once: its weights are shared by every call. */
  shared?: SharedMark;
}

export interface SharedMark {
  /** 0 for the first shared layer of the model, 1 for the next…: picks a distinct colour. */
  group: number;
  /** How many calls share the layer's weights. */
  calls: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Which output of a multi-output call the edge carries; absent for single-output sources. */
  output?: number;
  /** The tensor's shape (`(batch, 20, 400)`), with its dtype when not float32; absent into outputs. */
  label?: string;
}

/** `(batch, 20, 400)`, `?` for an unknown dim, `(batch,)` for rank 1 as Python writes tuples. */
export function shapeText(shape: Shape): string {
  const dims = shape.map((d) => (d === null ? "?" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
}

/** `int32 (batch, 20)`. */
export function tensorText(tensor: TensorType): string {
  return `${tensor.dtype} ${shapeText(tensor.shape)}`;
}

/** Builds the diagram's view of an IR. */
export function graphView(ir: ModelIR): GraphView {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const callCounts = new Map<string, number>();
  for (const node of ir.nodes) callCounts.set(node.layer, (callCounts.get(node.layer) ?? 0) + 1);
  const sharedGroups = new Map<string, number>();
  for (const [layer, count] of callCounts) if (count > 1) sharedGroups.set(layer, sharedGroups.size);

  // Where each tensor comes from: a vertex and, for multi-output calls, which output.
  const sources = new Map<string, { vertex: string; output?: number }>();
  const vertices: Vertex[] = [];
  const edges: GraphEdge[] = [];

  for (const input of ir.inputs) {
    const id = `input:${input.name}`;
    vertices.push({ kind: "input", id, name: input.name, dtype: input.dtype, shape: input.shape });
    sources.set(input.id, { vertex: id });
  }
  const tensors = new Map<string, TensorType>(ir.inputs.map((input) => [input.id, input]));

  for (const node of ir.nodes) {
    const layer = layers.get(node.layer);
    if (layer === undefined) throw new Error(`node '${node.id}' applies unknown layer '${node.layer}'`);
    const id = `call:${node.id}`;
    const group = sharedGroups.get(layer.name);
    vertices.push({
      kind: "call",
      id,
      layer: layer.name,
      call: layerCallText(layer.type, layer.options),
      family: getLayerDefinition(layer.type)?.family ?? "other",
      outputCount: node.outputs.length,
      ...(group === undefined ? {} : { shared: { group, calls: callCounts.get(layer.name) ?? 0 } }),
    });
    for (const input of node.inputs) edges.push(edgeFrom(input, id, true));
    node.outputs.forEach((tensor, output) => {
      sources.set(tensor.id, node.outputs.length > 1 ? { vertex: id, output } : { vertex: id });
      tensors.set(tensor.id, tensor);
    });
  }

  for (const output of ir.outputs) {
    const id = `output:${output.name}`;
    vertices.push({ kind: "output", id, name: output.name, dtype: output.dtype, shape: output.shape });
    edges.push(edgeFrom(output.tensor, id, false));
  }
  return { name: ir.name, vertices, edges };

  function edgeFrom(tensorId: string, to: string, labelled: boolean): GraphEdge {
    const source = sources.get(tensorId);
    const tensor = tensors.get(tensorId);
    if (source === undefined || tensor === undefined) throw new Error(`tensor '${tensorId}' is used before it is produced`);
    const edge: GraphEdge = { from: source.vertex, to };
    if (source.output !== undefined) edge.output = source.output;
    // The output vertex already shows dtype and shape; a label on its edge would repeat it.
    if (labelled) edge.label = edgeLabel(tensor, source.output);
    return edge;
  }
}

function edgeLabel(tensor: TensorType, output: number | undefined): string {
  const shape = tensor.dtype === "float32" ? shapeText(tensor.shape) : tensorText(tensor);
  return output === undefined ? shape : `[${output}] ${shape}`;
}
