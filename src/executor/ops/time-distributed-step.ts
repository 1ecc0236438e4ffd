import { layerOption } from "../../ir/layers/option-values.js";
import type { IRLayer } from "../../ir/types.js";
import type { LoweringContext, NodeView } from "../layers/lowering.js";
import { timeDistributedOp } from "./time-distributed-op.js";

/**
 * TimeDistributed's wrapped layer as a layer of its own: its type and options, with the
 * wrapper's name and weights (tfjs-layers keeps the wrapped weights under the wrapper's name).
 */
export function wrappedLayer(layer: IRLayer): IRLayer {
  const inner = layerOption(layer.options, "layer");
  return { ...layer, type: inner.type, options: inner.options };
}

/**
 * What the wrapped layer sees of a TimeDistributed node: one time step, its tensors without
 * the time axis, and no masks (tfjs-layers computes TimeDistributed's mask itself).
 */
export function stepView(view: NodeView): NodeView {
  const { node } = view;
  const own = new Set([...node.inputs, ...node.outputs.map((output) => output.id)]);
  return {
    ir: view.ir,
    layer: wrappedLayer(view.layer),
    node: { ...node, outputs: node.outputs.map((output) => ({ ...output, shape: [output.shape[0]!, ...output.shape.slice(2)] })) },
    dtype: (id) => view.dtype(id),
    rank: (id) => view.rank(id) - (own.has(id) ? 1 : 0),
    mask: () => undefined,
  };
}

/** The lowering context for the wrapped layer: its ops run over all steps at once (timeDistributedOp). */
export function stepContext(context: LoweringContext): LoweringContext {
  return {
    ...context,
    ...stepView(context),
    outputMask: () => undefined,
    push: (...ops) => context.push(...ops.map(timeDistributedOp)),
  };
}
