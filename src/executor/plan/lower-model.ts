import { BackendError } from "../../backend/errors.js";
import { weightKey } from "../../backend/init/initial-weights.js";
import type { DType, IRLayer, ModelIR } from "../../ir/types.js";
import type { KernelFunctions } from "../kernels/kernel.js";
import type { LoweringContext } from "../layers/lowering.js";
import { walkNodes } from "../layers/walk-nodes.js";
import type { LookupTable } from "../ops/lookup-op.js";
import type { Optimizations } from "../types.js";
import type { Arena } from "./arena.js";
import type { ExecOp } from "./op.js";
import { placeArray } from "./place-weights.js";

/** A model lowered to ops, with its weights placed in the arena. */
export interface LoweredModel {
  ops: ExecOp[];
  /** The dtype of every value (IR tensor id) the ops and outputs use. */
  dtypes: Map<string, DType>;
}

/**
 * Lowers every node of the IR (which unsupportedLayers() has accepted), in order, to ops by its
 * layer type's lowering (layers/); the weights go into the arena packed for the kernels.
 * Embedding tables are placed once per layer, however many nodes share it. With
 * removeDeadNodes, ops whose outputs nothing reads go (a lookup folded into what follows).
 */
export function lowerModel(ir: ModelIR, weights: ReadonlyMap<string, Float32Array>, arena: Arena, kernel: KernelFunctions, optimizations: Optimizations): LoweredModel {
  const dtypes = new Map<string, DType>(ir.inputs.map((input) => [input.id, input.dtype]));
  const tables = new Map<string, LookupTable>();
  const lookups = new Map<string, { ids: string; table: LookupTable }>();
  const ops: ExecOp[] = [];

  const table = (layer: IRLayer): LookupTable => {
    let placed = tables.get(layer.name);
    if (!placed) {
      const [rows, width] = layer.weights[0]!.shape as [number, number];
      placed = { pointer: placeArray(arena, weights.get(weightKey(layer.name, "embeddings"))!), rows, width };
      tables.set(layer.name, placed);
    }
    return placed;
  };

  walkNodes(ir, (view, lowering) => {
    if (!lowering) throw new BackendError("InternalError", `layer '${view.layer.name}': the executor has no ${view.layer.type}`);
    const outputMasks = lowering.outputMasks?.(view) ?? [];
    const context: LoweringContext = {
      ...view,
      arena,
      kernel,
      optimizations,
      weight: (name) => weights.get(weightKey(view.layer.name, name)),
      outputMask: (index) => outputMasks[index],
      embeddedBy: (id) => (optimizations.foldConstants ? lookups.get(id) : undefined),
      recordLookup: (id, ids, placed) => lookups.set(id, { ids, table: placed }),
      table,
      push: (...made) => ops.push(...made),
    };
    lowering.lower(context);
    for (const output of view.node.outputs) dtypes.set(output.id, output.dtype);
    for (const mask of outputMasks) if (mask) dtypes.set(mask, "float32");
  });
  return { ops: optimizations.removeDeadNodes ? pruneOps(ops, ir.outputs.map((o) => o.tensor)) : ops, dtypes };
}

/** Drops ops whose outputs nothing reads (a lookup whose only reader was folded away). */
function pruneOps(ops: ExecOp[], outputs: string[]): ExecOp[] {
  const needed = new Set(outputs);
  const kept: ExecOp[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    if (!op.outputs.some((id) => needed.has(id))) continue;
    kept.push(op);
    for (const input of op.inputs) needed.add(input);
  }
  return kept.reverse();
}
