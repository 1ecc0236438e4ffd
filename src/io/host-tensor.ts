/** The dtypes nnspec models take and produce (the IR's DType). */
export type HostDType = "float32" | "int32" | "bool";

/** Values of a tensor held in JS memory: bool as 0/1 bytes, row-major (C order). */
export type HostData = Float32Array | Int32Array | Uint8Array;

/** A tensor in JS memory, independent of TensorFlow.js: what input files are read into and outputs come back as. */
export interface HostTensor {
  dtype: HostDType;
  data: HostData;
  shape: number[];
}

/** The number of elements of a tensor of this shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/** The row-major index of a flat position: 25 in shape [4, 10] is [2, 5]. */
export function indexOf(position: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = position % shape[axis]!;
    position = Math.floor(position / shape[axis]!);
  }
  return index;
}

/** "[2, 5]": the row-major index of a flat position, for messages. */
export function formatIndex(position: number, shape: readonly number[]): string {
  return `[${indexOf(position, shape).join(", ")}]`;
}

/** "(32, 20)", "(5,)", "()": shapes as Python prints them, for messages. */
export function formatTuple(shape: readonly (number | string | null)[]): string {
  const dims = shape.map((d) => (d === null ? "?" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
}
