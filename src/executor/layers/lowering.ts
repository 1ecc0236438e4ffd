import type { DType, IRLayer, IRNode, ModelIR } from "../../ir/types.js";
import type { KernelFunctions } from "../kernels/kernel.js";
import type { LookupTable } from "../ops/lookup-op.js";
import type { Arena } from "../plan/arena.js";
import type { ExecOp } from "../plan/op.js";
import type { Optimizations } from "../types.js";

/** What a lowering sees of the model while deciding whether it can run a node. */
export interface NodeView {
  readonly ir: ModelIR;
  readonly layer: IRLayer;
  readonly node: IRNode;
  dtype(id: string): DType;
  rank(id: string): number;
  /** The id of the mask that tensor `id` carries (Keras masks, 1 keep / 0 padding, float32 [batch, time]), if any. */
  mask(id: string): string | undefined;
}

/** What a lowering gets to turn a node into ops. */
export interface LoweringContext extends NodeView {
  readonly arena: Arena;
  readonly kernel: KernelFunctions;
  readonly optimizations: Optimizations;
  /** The layer's weight `name` as given (row-major), e.g. "kernel", "forward_lstm/bias". */
  weight(name: string): Float32Array | undefined;
  /** The id the node's output `index` has for its mask, as outputMasks() planned it. */
  outputMask(index: number): string | undefined;
  /** The Embedding lookup that made tensor `id`, when foldConstants may fold it into what follows. */
  embeddedBy(id: string): { ids: string; table: LookupTable } | undefined;
  /** Records that `id` is the lookup of `table` at token IDs `ids` (for folding into what follows). */
  recordLookup(id: string, ids: string, table: LookupTable): void;
  /** The Embedding table of a layer, placed once however many nodes share it. */
  table(layer: IRLayer): LookupTable;
  push(...ops: ExecOp[]): void;
}

/**
 * How the executor runs one kind of layer. A layer type with no lowering is one the executor
 * does not run (unsupportedLayers names it, and the Layers model runs such models).
 */
export interface LayerLowering {
  /** Keras class names. */
  readonly types: readonly string[];
  /** Why this node cannot run on the executor, when it cannot. */
  unsupported?(view: NodeView): string | undefined;
  /**
   * tfjs's computeMask: the mask id of each output, from the inputs' masks (view.mask).
   * A new mask gets the id `${output}#mask`, and lower() must push the op that makes it.
   * Absent: no output has a mask.
   */
  outputMasks?(view: NodeView): (string | undefined)[];
  /**
   * What the layer does with a mask on an input: "ignores" it (tfjs-layers' supportsMasking
   * with values unchanged) or "applies" it (lower() reads view.mask). Absent: a masked input is
   * something the executor does not run.
   */
  readonly masks?: "ignores" | "applies";
  lower(context: LoweringContext): void;
}

/** The new mask id of a node's output. */
export const newMask = (output: string): string => `${output}#mask`;

/** tfjs-layers' default for layers that support masking: every output carries the first input's mask. */
export function passFirstMask(view: NodeView): (string | undefined)[] {
  const mask = view.mask(view.node.inputs[0]!);
  return view.node.outputs.map(() => mask);
}
