import type { LayersModel, SymbolicTensor } from "@tensorflow/tfjs";
import { formatShape } from "../ir/dims.js";
import type { IRLayer, IRNode, ModelIR, Shape, TensorType } from "../ir/types.js";
import { weightKey } from "./init/initial-weights.js";
import { INPUT_COPY_SUFFIX } from "./assemble-graph.js";
import type { TfjsLayer } from "./tfjs-layer.js";

/**
 * Compares what TensorFlow.js built with what nnspec inferred: every layer's weights (in
 * WeightSpec order: name, shape, trainable), every tensor's shape, and the inputs' dtypes. Returns one
 * message per difference, naming the layer; an empty list means they agree.
 * Symbolic and unknown dims must be unknown (null) in TensorFlow.js; the batch axis is
 * always unknown there, because models are built to accept any batch size. A Subtract must be
 * an Add whose second input is negated by a Rescaling (see lower-subtract.ts), and the
 * TensorFlow.js model must have no layer beyond the IR's inputs, layers and those Rescalings.
 */
export function crossCheck(model: LayersModel, ir: ModelIR): string[] {
  const problems: string[] = [];
  ir.inputs.forEach((input, i) => {
    const tensor = model.inputs[i];
    if (!tensor) problems.push(`input '${input.name}' is missing from the TensorFlow.js model`);
    else compareTensor(tensor, input, `input '${input.name}'`, problems, { dtype: true });
  });
  const nodesOf = new Map<string, IRNode[]>();
  for (const node of ir.nodes) {
    const nodes = nodesOf.get(node.layer);
    if (nodes) nodes.push(node);
    else nodesOf.set(node.layer, [node]);
  }
  const tfLayers = new Map(model.layers.map((layer) => [layer.name, layer]));
  const expected = new Set([...ir.inputs.map((input) => input.name), ...ir.layers.map((layer) => layer.name)]);
  for (const layer of ir.layers) {
    const tfLayer = tfLayers.get(layer.name);
    if (!tfLayer) {
      problems.push(`layer '${layer.name}' is missing from the TensorFlow.js model`);
      continue;
    }
    const where = `layer '${layer.name}' (${layer.type})`;
    compareWeights(tfLayer, layer, where, problems);
    if (layer.type === "Subtract") {
      for (const negation of compareSubtract(tfLayer, nodesOf.get(layer.name) ?? [], where, problems)) expected.add(negation);
    }
    nodesOf.get(layer.name)?.forEach((node, application) => compareNode(tfLayer, application, node, `${where}, node ${node.id}`, problems));
  }
  for (const tfLayer of model.layers) {
    if (!expected.has(tfLayer.name) && !isInputCopy(tfLayer, expected)) {
      problems.push(`layer '${tfLayer.name}' (${tfLayer.getClassName()}) is in the TensorFlow.js model but not in the IR`);
    }
  }
  ir.outputs.forEach((output, i) => {
    const tensor = model.outputs[i];
    if (!tensor) problems.push(`output '${output.name}' is missing from the TensorFlow.js model`);
    else compareTensor(tensor, output, `output '${output.name}'`, problems, { dtype: false });
  });
  return problems;
}

function compareWeights(tfLayer: TfjsLayer, layer: IRLayer, where: string, problems: string[]): void {
  const tfWeights = tfLayer.weights;
  if (tfWeights.length !== layer.weights.length) {
    problems.push(`${where} has ${tfWeights.length} weights in TensorFlow.js but ${layer.weights.length} in the IR`);
    return;
  }
  layer.weights.forEach((spec, i) => {
    const tfWeight = tfWeights[i]!;
    // tfjs appends _1, _2… to names seen before in the process; originalName is the name asked for.
    if (tfWeight.originalName !== weightKey(layer.name, spec.name)) {
      problems.push(`${where}: weight ${i} is ${tfWeight.originalName} in TensorFlow.js but ${spec.name} in the IR`);
    }
    if (!sameNumbers(tfWeight.shape, spec.shape)) {
      problems.push(
        `${where}: weight ${spec.name} has shape [${tfWeight.shape.join(", ")}] in TensorFlow.js but [${spec.shape.join(", ")}] in the IR`,
      );
    }
    if (tfWeight.trainable !== spec.trainable) {
      problems.push(`${where}: weight ${spec.name} is ${tfWeight.trainable ? "" : "not "}trainable in TensorFlow.js`);
    }
  });
}

/**
 * Checks that a Subtract is Add([a, Rescaling(scale=-1, offset=0)(b)]) at each application;
 * returns the names of the Rescaling layers it found.
 */
function compareSubtract(tfLayer: TfjsLayer, nodes: readonly IRNode[], where: string, problems: string[]): string[] {
  if (tfLayer.getClassName() !== "Add") {
    problems.push(`${where} is ${tfLayer.getClassName()} in TensorFlow.js, not Add([a, Rescaling(scale=-1)(b)])`);
    return [];
  }
  const negations: string[] = [];
  nodes.forEach((node, application) => {
    const inbound = tfLayer.inboundNodes[application];
    if (!inbound) return; // compareNode reports the missing application
    const negation = inbound.inboundLayers[1];
    const config = negation?.getConfig();
    if (inbound.inboundLayers.length !== 2 || negation?.getClassName() !== "Rescaling" || config?.scale !== -1 || config.offset !== 0) {
      problems.push(`${where}, node ${node.id}: the second input is not negated by Rescaling(scale=-1) in TensorFlow.js`);
    } else {
      negations.push(negation.name);
    }
  });
  return negations;
}

/** The k-th application of a tfjs layer is its k-th inbound node: nnspec applies them in IR order. */
function compareNode(tfLayer: TfjsLayer, application: number, node: IRNode, where: string, problems: string[]): void {
  let outputs: SymbolicTensor[];
  try {
    const result = tfLayer.getOutputAt(application);
    outputs = Array.isArray(result) ? result : [result];
  } catch {
    problems.push(`${where} was not applied in the TensorFlow.js model`);
    return;
  }
  if (outputs.length !== node.outputs.length) {
    problems.push(`${where} has ${outputs.length} outputs in TensorFlow.js but ${node.outputs.length} in the IR`);
    return;
  }
  node.outputs.forEach((output, i) => compareTensor(outputs[i]!, output, `${where}, output ${i}`, problems, { dtype: false }));
}

/**
 * Only inputs have a dtype worth comparing: tfjs-layers gives every layer's symbolic output
 * float32 whatever it computes (engine/topology.js guessOutputDType is a stub), while the
 * tensors themselves keep their dtype when the model runs (int32 token IDs sliced or
 * concatenated stay int32, as the IR says).
 */
function compareTensor(tensor: SymbolicTensor, expected: TensorType, where: string, problems: string[], compare: { dtype: boolean }): void {
  if (!shapeAgrees(tensor.shape, expected.shape)) {
    problems.push(
      `${where} has shape ${formatShape(tensor.shape)} in TensorFlow.js but ${formatShape(expected.shape)} in the IR`,
    );
  }
  if (compare.dtype && tensor.dtype !== expected.dtype) {
    problems.push(`${where} has dtype ${tensor.dtype} in TensorFlow.js but ${expected.dtype} in the IR`);
  }
}

function shapeAgrees(tfShape: readonly (number | null)[], irShape: Shape): boolean {
  if (tfShape.length !== irShape.length) return false;
  return irShape.every((dim, axis) => {
    const tfDim = tfShape[axis];
    if (axis === 0 && tfDim === null) return true;
    return tfDim === (typeof dim === "number" ? dim : null);
  });
}

function sameNumbers(a: readonly (number | null)[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** An identity layer standing in for a tensor given twice to one IR layer (see assemble-graph.ts). */
function isInputCopy(layer: TfjsLayer, irNames: ReadonlySet<string>): boolean {
  const match = new RegExp(`^(.+)${INPUT_COPY_SUFFIX}(_\\d+)?$`).exec(layer.name);
  const config = layer.getConfig() as { activation?: string };
  return match !== null && irNames.has(match[1]) && layer.getClassName() === "Activation" && config.activation === "linear";
}
