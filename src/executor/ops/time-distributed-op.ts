import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";

/** [batch, time, …] read as [batch·time, …]: the same buffer, one axis fewer. */
const merged = (shape: readonly number[]): number[] => [shape[0]! * shape[1]!, ...shape.slice(2)];

/**
 * An op of TimeDistributed's wrapped layer, run on all time steps at once: its values are
 * [batch, time, …] outside and [batch·time, …] inside (row-major, so no copy), which is what
 * applying the layer to each step [batch, …] gives.
 */
export function timeDistributedOp(op: ExecOp): ExecOp {
  return {
    layer: op.layer,
    inputs: op.inputs,
    outputs: op.outputs,
    shapes(inputs) {
      const [batch, time] = [inputs[0]![0]!, inputs[0]![1]!];
      return op.shapes(inputs.map(merged)).map((shape) => [batch, time, ...shape.slice(1)]);
    },
    scratch: (inputs) => op.scratch(inputs.map(merged)),
    emit(emit: Emitter, inputs: readonly BufferRef[], outputs: readonly BufferRef[], scratch: readonly number[]) {
      const inside = (ref: BufferRef): BufferRef => ({ pointer: ref.pointer, shape: merged(ref.shape) });
      op.emit(emit, inputs.map(inside), outputs.map(inside), scratch);
    },
  };
}
