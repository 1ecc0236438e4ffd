import { DataFileError } from "./data-file-error.js";
import type { HostTensor } from "./host-tensor.js";

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * A tensor from nested JSON arrays (`[[1, 2], [3, 4]]`, or a bare number for a scalar). The
 * arrays must be rectangular. The dtype follows the values: booleans are bool; numbers are
 * int32 when every one is an integer in int32's range, float32 otherwise.
 */
export function tensorFromNested(value: unknown): HostTensor {
  const shape = shapeOf(value);
  const leaves: unknown[] = [];
  collect(value, shape, 0, [], leaves);
  if (leaves.length > 0 && leaves.every((leaf) => typeof leaf === "boolean")) {
    return { dtype: "bool", data: Uint8Array.from(leaves, (leaf) => (leaf ? 1 : 0)), shape };
  }
  const numbers = leaves as number[];
  const integral = numbers.every((n) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX);
  if (integral) return { dtype: "int32", data: Int32Array.from(numbers), shape };
  return { dtype: "float32", data: Float32Array.from(numbers), shape };
}

/** The nested JSON arrays of a tensor (a bare value for a scalar); bool as true/false. */
export function nestedFromTensor({ dtype, data, shape }: HostTensor): unknown {
  const leaf = (i: number): number | boolean => (dtype === "bool" ? data[i] !== 0 : data[i]!);
  if (shape.length === 0) return leaf(0);
  let offset = 0;
  const build = (axis: number): unknown[] => {
    const row = new Array<unknown>(shape[axis]!);
    for (let i = 0; i < row.length; i++) row[i] = axis === shape.length - 1 ? leaf(offset++) : build(axis + 1);
    return row;
  };
  return build(0);
}

/** The shape, read along the first element of each level. */
function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let level = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Gathers the leaves in row-major order, checking that every level has the shape's length. */
function collect(value: unknown, shape: readonly number[], axis: number, index: number[], leaves: unknown[]): void {
  if (axis === shape.length) {
    if (Array.isArray(value)) throw new DataFileError(`the arrays are ragged: ${where(index)} is an array where a value was expected`);
    if (typeof value === "number" || typeof value === "boolean") {
      if (leaves.length > 0 && typeof leaves[0] !== typeof value) {
        throw new DataFileError(`${where(index)} is ${describe(value)} but earlier values are ${typeof leaves[0]}s`);
      }
      leaves.push(value);
      return;
    }
    throw new DataFileError(`${where(index)} is ${describe(value)}; expected a number or a boolean`);
  }
  if (!Array.isArray(value)) {
    throw new DataFileError(`the arrays are ragged: ${where(index)} is not an array but the first element at that depth is`);
  }
  if (value.length !== shape[axis]) {
    const elements = `${value.length} element${value.length === 1 ? "" : "s"}`;
    throw new DataFileError(`the arrays are ragged: ${where(index)} has ${elements} but the first has ${shape[axis]}`);
  }
  for (let i = 0; i < value.length; i++) {
    index.push(i);
    collect(value[i], shape, axis + 1, index, leaves);
    index.pop();
  }
}

function where(index: readonly number[]): string {
  return index.length === 0 ? "the value" : `the element at [${index.join(", ")}]`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)})`;
  return "an object";
}

