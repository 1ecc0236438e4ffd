import type { LayersModel, SymbolicTensor } from "@tensorflow/tfjs";
import type { IRNode, ModelIR } from "../ir/types.js";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";
import type { LoweredLayer } from "./lowered-layer.js";
import { releaseSharedReferences } from "./shared-references.js";
import type { TfjsLayer } from "./tfjs-layer.js";

/**
 * Wires tfjs layers into a LayersModel with the functional API: one tf.input per IR input,
 * then each IR node applies its layer, in IR order (so the k-th application of a layer is
 * its k-th inbound node). Inputs and outputs are in IR order. A failure here means nnspec and
 * TensorFlow.js disagree: BackendError InternalError naming the layer (or the BackendError a
 * lowering raised, such as UnsupportedByBackend).
 */
export function assembleGraph(tf: Tf, ir: ModelIR, layers: ReadonlyMap<string, LoweredLayer>): LayersModel {
  const tensors = new Map<string, SymbolicTensor>();
  const inputs = ir.inputs.map((input) => {
    // The batch axis is left open so the model takes any batch size; symbolic dims are unknown to tfjs.
    const shape = input.shape.slice(1).map((dim) => (typeof dim === "number" ? dim : null));
    const tensor = tf.input({ name: input.name, shape, dtype: input.dtype });
    tensors.set(input.id, tensor);
    return tensor;
  });
  const parts = [...layers.values()].flatMap((layer) => layer.parts);
  const copyName = inputCopyNamer(ir);
  try {
    for (const node of ir.nodes) {
      const args = withoutRepeats(tf, node, node.inputs.map((id) => tensors.get(id)!), copyName, parts);
      let result: ReturnType<LoweredLayer["apply"]>;
      try {
        result = layers.get(node.layer)!.apply(args, keywordTensors(node, tensors));
      } catch (error) {
        if (error instanceof BackendError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new BackendError("InternalError", `layer '${node.layer}' (node ${node.id}): TensorFlow.js: ${message}`);
      }
      const outputs = Array.isArray(result) ? result : [result];
      if (outputs.length !== node.outputs.length) {
        throw new BackendError(
          "InternalError",
          `layer '${node.layer}' (node ${node.id}) has ${outputs.length} outputs in TensorFlow.js but ${node.outputs.length} in the IR`,
        );
      }
      node.outputs.forEach((output, i) => tensors.set(output.id, outputs[i]!));
    }
    const model = tf.model({ name: ir.name, inputs, outputs: ir.outputs.map((output) => tensors.get(output.tensor)!) });
    releaseSharedReferences(parts);
    return model;
  } catch (error) {
    disposeLayers(parts);
    if (error instanceof BackendError) throw error;
    throw new BackendError("InternalError", `TensorFlow.js could not assemble the model: ${String(error)}`);
  }
}

/** The suffix of the identity layers that stand in for a tensor given twice to one layer. */
export const INPUT_COPY_SUFFIX = "_input_copy";

/**
 * TensorFlow.js frees a tensor too early when one layer call takes it twice (`mha(x, x)`,
 * `multiply(d, d)`) and it is used elsewhere too: predict fails with "Tensor is disposed".
 * Each repeat goes through an identity layer (a linear Activation, standard in tfjs, so the
 * saved model still loads anywhere) named `<layer>_input_copy`.
 */
function withoutRepeats(
  tf: Tf,
  node: IRNode,
  args: SymbolicTensor[],
  copyName: (layer: string) => string,
  parts: TfjsLayer[],
): SymbolicTensor[] {
  const seen = new Set<string>();
  return args.map((tensor, i) => {
    const id = node.inputs[i];
    if (!seen.has(id)) {
      seen.add(id);
      return tensor;
    }
    const copy = tf.layers.activation({ activation: "linear", name: copyName(node.layer) });
    parts.push(copy);
    return copy.apply(tensor) as SymbolicTensor;
  });
}

function inputCopyNamer(ir: ModelIR): (layer: string) => string {
  const taken = new Set([...ir.inputs.map((input) => input.name), ...ir.layers.map((layer) => layer.name)]);
  return (layer) => {
    let name = `${layer}${INPUT_COPY_SUFFIX}`;
    for (let n = 1; taken.has(name); n++) name = `${layer}${INPUT_COPY_SUFFIX}_${n}`;
    taken.add(name);
    return name;
  };
}

/** A node's tensors given by keyword, under tfjs's camelCase names: `initial_state` → `initialState`. */
function keywordTensors(node: IRNode, tensors: ReadonlyMap<string, SymbolicTensor>): Record<string, SymbolicTensor[]> {
  const keywords: Record<string, SymbolicTensor[]> = {};
  for (const [keyword, ids] of Object.entries(node.keywordInputs ?? {})) {
    keywords[keyword.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())] = ids.map((id) => tensors.get(id)!);
  }
  return keywords;
}

/** Frees the weights of layers built before the model could be assembled. */
function disposeLayers(layers: readonly TfjsLayer[]): void {
  for (const layer of layers) {
    if (!layer.built) continue;
    try {
      while (layer.dispose().refCountAfterDispose > 0);
    } catch {
      // Built but never applied (tfjs failed inside the call): tfjs offers no way to free it.
    }
  }
}
