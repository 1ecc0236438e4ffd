import { BackendError } from "../../backend/errors.js";
import { weightKey } from "../../backend/init/initial-weights.js";
import { axesOption, booleanOption, nullableStringOption, numberOption } from "../../ir/layers/option-values.js";
import type { DType, IRLayer, IRNode, ModelIR } from "../../ir/types.js";
import { ACTIVATION_CODES, activationCode, BINARY_CODES } from "../kernels/codes.js";
import type { KernelFunctions } from "../kernels/kernel.js";
import { activationOp, softmaxOp } from "../ops/activation-op.js";
import { concatenateOp } from "../ops/concatenate-op.js";
import { denseOp } from "../ops/dense-op.js";
import { dotOp } from "../ops/dot-op.js";
import { lookupOp, type LookupTable } from "../ops/lookup-op.js";
import { mergeOp } from "../ops/merge-op.js";
import { recurrentOp } from "../ops/recurrent-op.js";
import type { Optimizations } from "../types.js";
import type { Arena } from "./arena.js";
import { foldEmbedding, foldFits } from "./fold-embedding.js";
import { lowerRecurrent, recurrentLayer } from "./lower-recurrent.js";
import type { ExecOp } from "./op.js";
import { placeArray, placeMatrix, placeVector, type PackedMatrix } from "./place-weights.js";

/** A model lowered to ops, with its weights placed in the arena. */
export interface LoweredModel {
  ops: ExecOp[];
  /** The dtype of every value (IR tensor id) the ops and outputs use. */
  dtypes: Map<string, DType>;
}

const MERGES: Record<string, { op: (typeof BINARY_CODES)[keyof typeof BINARY_CODES]; average: boolean }> = {
  Add: { op: BINARY_CODES.add, average: false },
  Subtract: { op: BINARY_CODES.subtract, average: false },
  Multiply: { op: BINARY_CODES.multiply, average: false },
  Average: { op: BINARY_CODES.add, average: true },
  Maximum: { op: BINARY_CODES.maximum, average: false },
  Minimum: { op: BINARY_CODES.minimum, average: false },
};

/**
 * Lowers every node of the IR (which unsupportedLayers() has accepted), in order, to an op; the weights go into the arena packed for
 * the kernels. An Embedding whose output feeds a Dense or a recurrent layer is folded into it
 * when foldConstants is on; the lookup it replaces is pruned if nothing else reads it.
 */
export function lowerModel(ir: ModelIR, weights: ReadonlyMap<string, Float32Array>, arena: Arena, kernel: KernelFunctions, optimizations: Optimizations): LoweredModel {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const dtypes = new Map<string, DType>(ir.inputs.map((input) => [input.id, input.dtype]));
  const ranks = new Map<string, number>(ir.inputs.map((input) => [input.id, input.shape.length]));
  for (const node of ir.nodes) {
    for (const output of node.outputs) {
      dtypes.set(output.id, output.dtype);
      ranks.set(output.id, output.shape.length);
    }
  }
  // Which Embedding node made a value, for folding.
  const embeddedBy = new Map<string, { node: IRNode; table: LookupTable }>();
  const tables = new Map<string, LookupTable>();
  const tableOf = (layer: IRLayer): LookupTable => {
    let table = tables.get(layer.name);
    if (!table) {
      const values = weights.get(weightKey(layer.name, "embeddings"))!;
      const [rows, width] = layer.weights[0]!.shape as [number, number];
      table = { pointer: placeArray(arena, values), rows, width };
      tables.set(layer.name, table);
    }
    return table;
  };
  const weight = (layer: IRLayer, name: string) => weights.get(weightKey(layer.name, name));

  const ops: ExecOp[] = [];
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer)!;
    const outputs = node.outputs.map((output) => output.id);
    const [input] = node.inputs as [string];
    const output = outputs[0]!;
    const source = optimizations.foldConstants ? embeddedBy.get(input) : undefined;
    switch (layer.type) {
      case "Embedding": {
        const table = tableOf(layer);
        embeddedBy.set(output, { node, table });
        ops.push(lookupOp(layer.name, input, output, table, arena));
        break;
      }
      case "Dense": {
        const units = numberOption(layer.options, "units");
        const kernelValues = weight(layer, "kernel")!;
        const packed = placeMatrix(arena, kernelValues, kernelValues.length / units, units);
        const bias = placeVector(arena, weight(layer, "bias") ?? new Float32Array(units));
        const activation = activationCode(nullableStringOption(layer.options, "activation"));
        if (source && foldFits(source.table, units)) {
          const folded = foldEmbedding(kernel, arena, source.table, packed, bias, activation);
          ops.push(lookupOp(layer.name, source.node.inputs[0]!, output, folded, arena));
        } else ops.push(denseOp(layer.name, input, output, packed, bias, activation, optimizations.fuseEpilogue));
        break;
      }
      case "SimpleRNN":
      case "LSTM":
      case "Bidirectional": {
        const recurrent = recurrentLayer(layer, weights);
        const width = recurrent.cells.length * (recurrent.type === "LSTM" ? 4 : 1) * numberOption(recurrent.options, "units");
        const fold = source && optimizations.hoistInputProjection && foldFits(source.table, width)
          ? (packed: PackedMatrix, bias: number) => foldEmbedding(kernel, arena, source.table, packed, bias)
          : undefined;
        const spec = lowerRecurrent(layer.name, recurrent, arena, optimizations, fold);
        ops.push(recurrentOp(spec, spec.projection.kind === "table" ? source!.node.inputs[0]! : input, outputs, arena));
        break;
      }
      case "Dropout":
        ops.push(activationOp(layer.name, input, output, ACTIVATION_CODES.linear));
        break;
      case "Activation":
        ops.push(activationOp(layer.name, input, output, activationCode(nullableStringOption(layer.options, "activation"))));
        break;
      case "Softmax":
        ops.push(softmaxOp(layer.name, input, output, numberOption(layer.options, "axis")));
        break;
      case "Dot": {
        const option = axesOption(layer.options, "axes");
        const given = typeof option === "number" ? [option, option] : option;
        const axes = given.map((axis, i) => (axis < 0 ? axis + ranks.get(node.inputs[i]!)! : axis)) as [number, number];
        ops.push(dotOp(layer.name, node.inputs, output, axes, booleanOption(layer.options, "normalize")));
        break;
      }
      case "Concatenate":
        ops.push(concatenateOp(layer.name, node.inputs, output, numberOption(layer.options, "axis")));
        break;
      default: {
        // unsupportedLayers() has turned away every other type before lowering.
        const merge = MERGES[layer.type];
        if (!merge) throw new BackendError("InternalError", `layer '${layer.name}': the executor has no ${layer.type}`);
        ops.push(mergeOp(layer.name, node.inputs, output, merge.op, merge.average));
      }
    }
  }
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
