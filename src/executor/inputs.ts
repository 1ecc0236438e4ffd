import { BackendError } from "../backend/errors.js";
import type { IRInput, ModelIR } from "../ir/types.js";
import type { ArrayTensor } from "./types.js";

/** A model input checked against the IR: its concrete shape and its values in the input's dtype. */
export interface BoundInput {
  input: IRInput;
  shape: number[];
  data: Float32Array | Int32Array;
}

/**
 * Checks given inputs against the IR's: every input present and no others (NN6010), the
 * declared rank, every numeric dim, one size per symbol ("batch", "T") across inputs, the
 * data's length (NN6003), and the dtype: int32 inputs take whole numbers (NN6004).
 */
export function bindInputs(ir: ModelIR, given: Readonly<Record<string, ArrayTensor>>): BoundInput[] {
  const known = new Set(ir.inputs.map((input) => input.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw new BackendError("UnknownInputName", `the model has no input '${name}' (inputs: ${[...known].join(", ")})`);
    }
  }
  const symbols = new Map<string, { size: number; input: string }>();
  return ir.inputs.map((input) => {
    const tensor = given[input.name];
    if (!tensor) throw new BackendError("InputShapeMismatch", `input '${input.name}' is missing`);
    const shape = [...tensor.shape];
    const expected = `[${input.shape.map((d) => d ?? "?").join(", ")}]`;
    const mismatch = (why: string) => new BackendError("InputShapeMismatch", `input '${input.name}' has shape [${shape.join(", ")}], expected ${expected}: ${why}`);
    if (shape.length !== input.shape.length) throw mismatch(`rank ${shape.length}, not ${input.shape.length}`);
    shape.forEach((size, axis) => {
      const dim = input.shape[axis];
      if (!Number.isInteger(size) || size < 1) throw mismatch(`axis ${axis} must be a positive integer`);
      if (typeof dim === "number" && dim !== size) throw mismatch(`axis ${axis} must be ${dim}`);
      if (typeof dim === "string") {
        const seen = symbols.get(dim);
        if (seen && seen.size !== size) throw mismatch(`axis ${axis} is ${dim}, which is ${seen.size} in input '${seen.input}'`);
        symbols.set(dim, { size, input: input.name });
      }
    });
    const count = shape.reduce((a, b) => a * b, 1);
    if (tensor.data.length !== count) {
      throw new BackendError("InputShapeMismatch", `input '${input.name}' has ${tensor.data.length} values, but shape [${shape.join(", ")}] holds ${count}`);
    }
    return { input, shape, data: converted(input, tensor.data) };
  });
}

/** The values in the input's dtype; float values for an int32 input must be whole numbers. */
function converted(input: IRInput, data: Int32Array | Float32Array): Float32Array | Int32Array {
  if (input.dtype === "float32") return data instanceof Float32Array ? data : Float32Array.from(data);
  if (data instanceof Int32Array) return data;
  const index = data.findIndex((v) => !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31);
  if (index >= 0) {
    throw new BackendError("InputDTypeMismatch", `input '${input.name}' is int32, but value ${index} is ${data[index]}`);
  }
  return Int32Array.from(data);
}
