import type { LayersModel, SymbolicTensor } from "@tensorflow/tfjs";
import type { ModelIR } from "../ir/types.js";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";
import type { TfjsLayer } from "./tfjs-layer.js";

/**
 * Wires tfjs layers into a LayersModel with the functional API: one tf.input per IR input,
 * then each IR node applies its layer, in IR order (so the k-th application of a layer is
 * its k-th inbound node). Inputs and outputs are in IR order. A failure here means nnspec and
 * TensorFlow.js disagree: BackendError InternalError naming the layer.
 */
export function assembleGraph(tf: Tf, ir: ModelIR, layers: ReadonlyMap<string, TfjsLayer>): LayersModel {
  const tensors = new Map<string, SymbolicTensor>();
  const inputs = ir.inputs.map((input) => {
    // The batch axis is left open so the model takes any batch size; symbolic dims are unknown to tfjs.
    const shape = input.shape.slice(1).map((dim) => (typeof dim === "number" ? dim : null));
    const tensor = tf.input({ name: input.name, shape, dtype: input.dtype });
    tensors.set(input.id, tensor);
    return tensor;
  });
  try {
    for (const node of ir.nodes) {
      const args = node.inputs.map((id) => tensors.get(id)!);
      let result: ReturnType<TfjsLayer["apply"]>;
      try {
        result = layers.get(node.layer)!.apply(args.length === 1 ? args[0]! : args);
      } catch (error) {
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
      node.outputs.forEach((output, i) => tensors.set(output.id, outputs[i] as SymbolicTensor));
    }
    const model = tf.model({ name: ir.name, inputs, outputs: ir.outputs.map((output) => tensors.get(output.tensor)!) });
    releaseExtraReferences(layers);
    return model;
  } catch (error) {
    disposeLayers(layers);
    if (error instanceof BackendError) throw error;
    throw new BackendError("InternalError", `TensorFlow.js could not assemble the model: ${String(error)}`);
  }
}

/**
 * tfjs counts one reference per application of a layer, but model.dispose() releases one per
 * layer, so a shared layer's weights would outlive the model. Each layer here belongs to this
 * model alone: keep one reference, and model.dispose() frees everything.
 */
function releaseExtraReferences(layers: ReadonlyMap<string, TfjsLayer>): void {
  for (const layer of layers.values()) {
    for (let i = 1; i < layer.inboundNodes.length; i++) layer.dispose();
  }
}

/** Frees the weights of layers built before the model could be assembled. */
function disposeLayers(layers: ReadonlyMap<string, TfjsLayer>): void {
  for (const layer of layers.values()) {
    if (!layer.built) continue;
    try {
      while (layer.dispose().refCountAfterDispose > 0);
    } catch {
      // Built but never applied (tfjs failed inside the call): tfjs offers no way to free it.
    }
  }
}
