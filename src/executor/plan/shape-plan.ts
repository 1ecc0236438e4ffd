import { BackendError } from "../../backend/errors.js";
import type { DType, ModelIR } from "../../ir/types.js";
import { Allocator } from "./allocator.js";
import type { LoweredModel } from "./lower-model.js";
import type { BufferRef } from "./op.js";
import { sizeOf } from "./op.js";
import { recordSections, type Section } from "./sections.js";

/** Everything one predict with these input shapes does, computed once and reused. */
export interface ShapePlan {
  sections: Section[];
  /** Where each model input (by IR input id) is copied before running. */
  inputs: Map<string, BufferRef>;
  /** Where each model output is read after, in IR order. */
  outputs: { name: string; buffer: BufferRef; dtype: DType }[];
  /** Bytes of activations, from the arena's activation base. */
  bytes: number;
}

/**
 * Plans a model for concrete input shapes: every value's shape (checked against the IR's
 * numeric dims), every buffer's place by lifetime, then the ops' kernel calls.
 */
export function planShapes(
  ir: ModelIR,
  lowered: LoweredModel,
  inputShapes: ReadonlyMap<string, number[]>,
  base: number,
  threads: number,
  reuse: boolean,
): ShapePlan {
  const { ops } = lowered;
  const shapes = new Map<string, number[]>(inputShapes);
  const declared = new Map(ir.nodes.flatMap((node) => node.outputs.map((output) => [output.id, output.shape] as const)));
  const lastUse = new Map<string, number>();
  ops.forEach((op, i) => {
    for (const input of op.inputs) lastUse.set(input, i);
  });
  for (const output of ir.outputs) lastUse.set(output.tensor, ops.length);

  const allocator = new Allocator(base, reuse);
  const pointers = new Map<string, number>();
  const place = (id: string) => pointers.set(id, allocator.allocate(sizeOf(shapes.get(id)!)));
  for (const id of inputShapes.keys()) place(id);

  const { emitter, sections } = recordSections(threads);
  const ref = (id: string): BufferRef => ({ pointer: pointers.get(id)!, shape: shapes.get(id)! });
  ops.forEach((op, i) => {
    const inputs = op.inputs.map((id) => shapes.get(id)!);
    op.shapes(inputs).forEach((shape, k) => {
      const id = op.outputs[k]!;
      checkAgainstIR(op.layer, id, shape, declared.get(id));
      shapes.set(id, shape);
      place(id);
    });
    const scratch = op.scratch(inputs).map((floats) => (floats > 0 ? allocator.allocate(floats) : 0));
    op.emit(emitter, op.inputs.map(ref), op.outputs.map(ref), scratch);
    for (const pointer of scratch) if (pointer) allocator.free(pointer);
    for (const id of new Set([...op.inputs, ...op.outputs])) {
      if ((lastUse.get(id) ?? -1) <= i) allocator.free(pointers.get(id)!);
    }
  });

  return {
    sections,
    inputs: new Map([...inputShapes.keys()].map((id) => [id, ref(id)])),
    outputs: ir.outputs.map((output) => ({ name: output.name, buffer: ref(output.tensor), dtype: lowered.dtypes.get(output.tensor)! })),
    bytes: allocator.extent,
  };
}

/** A numeric dim of the IR that the computed shape contradicts is a bug in nnspec, not the user's input. */
function checkAgainstIR(layer: string, id: string, shape: number[], declared: readonly (number | string | null)[] | undefined): void {
  if (!declared) return;
  const agrees = declared.length === shape.length && declared.every((dim, axis) => typeof dim !== "number" || dim === shape[axis]);
  if (!agrees) {
    throw new BackendError("InternalError", `layer '${layer}': the executor computed shape [${shape.join(", ")}] for '${id}', the IR says [${declared.join(", ")}]`);
  }
}
