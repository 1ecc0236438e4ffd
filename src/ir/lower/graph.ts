import type { Span } from "../../diagnostics/span.js";
import type { IRInput, IRLayer, IRNode, IROutput, IRTensor, TensorType } from "../types.js";

/** The IR graph as it is built: layers, nodes in creation (hence topological) order, tensors by id. */
export class GraphBuilder {
  readonly inputs: IRInput[] = [];
  readonly layers: IRLayer[] = [];
  readonly nodes: IRNode[] = [];
  readonly outputs: IROutput[] = [];
  private readonly callCounts = new Map<string, number>();

  addInput(name: string, type: TensorType, span: Span): IRInput {
    const input: IRInput = { id: name, name, dtype: type.dtype, shape: type.shape, span };
    this.inputs.push(input);
    return input;
  }

  addLayer(layer: IRLayer): void {
    this.layers.push(layer);
  }

  /** Records one application of `layer`; output tensor ids are `layer/call:index` (Keras's style). */
  addNode(layer: IRLayer, inputs: string[], outputTypes: TensorType[], span: Span, keywordInputs: Record<string, string[]> = {}): IRNode {
    const call = this.callCounts.get(layer.name) ?? 0;
    this.callCounts.set(layer.name, call + 1);
    const outputs: IRTensor[] = outputTypes.map((t, i) => ({ id: `${layer.name}/${call}:${i}`, dtype: t.dtype, shape: t.shape }));
    const node: IRNode = { id: `${layer.name}/${call}`, layer: layer.name, inputs, outputs, span };
    if (Object.keys(keywordInputs).length > 0) node.keywordInputs = keywordInputs;
    this.nodes.push(node);
    return node;
  }

  addOutput(output: IROutput): void {
    this.outputs.push(output);
  }
}
