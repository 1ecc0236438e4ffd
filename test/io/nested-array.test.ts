import { describe, expect, it } from "vitest";
import { DataFileError } from "../../src/io/data-file-error.js";
import { nestedFromTensor, tensorFromNested } from "../../src/io/nested-array.js";

function error(value: unknown): string {
  try {
    tensorFromNested(value);
  } catch (e) {
    expect(e).toBeInstanceOf(DataFileError);
    return (e as Error).message;
  }
  throw new Error("accepted");
}

describe("tensors from nested JSON arrays", () => {
  it("takes the dtype from the values: integers int32, other numbers float32, booleans bool", () => {
    expect(tensorFromNested([[1, 2], [3, 4]])).toEqual({ dtype: "int32", data: new Int32Array([1, 2, 3, 4]), shape: [2, 2] });
    expect(tensorFromNested([[1, 2.5]])).toEqual({ dtype: "float32", data: new Float32Array([1, 2.5]), shape: [1, 2] });
    expect(tensorFromNested([2 ** 31])).toEqual({ dtype: "float32", data: new Float32Array([2 ** 31]), shape: [1] });
    expect(tensorFromNested([true, false])).toEqual({ dtype: "bool", data: new Uint8Array([1, 0]), shape: [2] });
    expect(tensorFromNested(3)).toEqual({ dtype: "int32", data: new Int32Array([3]), shape: [] });
    expect(tensorFromNested([[], []])).toEqual({ dtype: "int32", data: new Int32Array(0), shape: [2, 0] });
  });

  it("refuses ragged arrays and values that are not numbers, naming where", () => {
    expect(error([[1, 2], [3]])).toBe("the arrays are ragged: the element at [1] has 1 element but the first has 2");
    expect(error([[1, 2], 3])).toBe("the arrays are ragged: the element at [1] is not an array but the first element at that depth is");
    expect(error([1, [2]])).toBe("the arrays are ragged: the element at [1] is an array where a value was expected");
    expect(error([[1, "2"]])).toBe('the element at [0, 1] is a string ("2"); expected a number or a boolean');
    expect(error([1, true])).toBe("the element at [1] is a boolean but earlier values are numbers");
    expect(error({ x: [1] })).toBe("the value is an object; expected a number or a boolean");
  });

  it("turns tensors back into nested arrays", () => {
    for (const value of [[[1, 2, 3], [4, 5, 6]], [true, false], 7, [[[0.5]]]]) {
      expect(nestedFromTensor(tensorFromNested(value))).toEqual(value);
    }
  });
});
