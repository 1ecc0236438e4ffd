import { describe, expect, it } from "vitest";
import { DataFileError } from "../../src/io/data-file-error.js";
import { readNpy, writeNpy } from "../../src/io/npy.js";
import { readNpyHeader } from "../../src/io/npy-header.js";

/** Files written by NumPy 2.4's np.save, base64-encoded. */
const numpy = {
  float32_2x3: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAACAPwAAAEAAAEBAAACAQAAAoEA=",
  int64: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAAAAAP7/////////AwAAAAAAAAA=",
  bool_1x2: "k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAA==",
  float64_scalar: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAEQA==",
  float64: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAqamZmZmZm5P/yp8dJNYlC/",
  int32: "k05VTVBZAQB2AHsnZGVzY3InOiAnPGk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAQAAAAIAAAADAAAA",
};

const bytes = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, "base64"));

/** A file with a hand-written header and `data` after it. */
function npyFile(header: string, data: Uint8Array = new Uint8Array()): Uint8Array {
  const text = new TextEncoder().encode(`${header}\n`);
  const out = new Uint8Array(10 + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, text.length, true);
  out.set(text, 10);
  out.set(data, 10 + text.length);
  return out;
}

function readError(file: Uint8Array): string {
  try {
    readNpy(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return (error as Error).message;
  }
  throw new Error("readNpy accepted the file");
}

describe("readNpy on files NumPy wrote", () => {
  it("reads float32 and int32 as they are", () => {
    expect(readNpy(bytes(numpy.float32_2x3))).toEqual({ dtype: "float32", data: new Float32Array([0, 1, 2, 3, 4, 5]), shape: [2, 3], stored: "float32" });
    expect(readNpy(bytes(numpy.int32))).toEqual({ dtype: "int32", data: new Int32Array([0, 1, 2, 3]), shape: [4], stored: "int32" });
  });

  it("reads int64 as int32 and float64 as float32, remembering how they were stored", () => {
    expect(readNpy(bytes(numpy.int64))).toEqual({ dtype: "int32", data: new Int32Array([1, -2, 3]), shape: [3], stored: "int64" });
    expect(readNpy(bytes(numpy.float64))).toEqual({ dtype: "float32", data: new Float32Array([0.1, -1e-3]), shape: [2], stored: "float64" });
    expect(readNpy(bytes(numpy.float64_scalar))).toEqual({ dtype: "float32", data: new Float32Array([2.5]), shape: [], stored: "float64" });
  });

  it("reads bool as 0/1 bytes", () => {
    expect(readNpy(bytes(numpy.bool_1x2))).toEqual({ dtype: "bool", data: new Uint8Array([1, 0]), shape: [1, 2], stored: "bool" });
  });
});

describe("writeNpy", () => {
  it("writes the same bytes as np.save", () => {
    const tensor = { dtype: "float32" as const, data: new Float32Array([0, 1, 2, 3, 4, 5]), shape: [2, 3] };
    expect(Buffer.from(writeNpy(tensor)).toString("base64")).toBe(numpy.float32_2x3);
    const ints = { dtype: "int32" as const, data: new Int32Array([0, 1, 2, 3]), shape: [4] };
    expect(Buffer.from(writeNpy(ints)).toString("base64")).toBe(numpy.int32);
  });

  it("round-trips every dtype, scalars and empty arrays, with the data 64-byte aligned", () => {
    const tensors = [
      { dtype: "float32" as const, data: new Float32Array([1.5, -0, Number.NaN, Infinity]), shape: [2, 2] },
      { dtype: "int32" as const, data: new Int32Array([-2147483648, 2147483647]), shape: [2, 1] },
      { dtype: "bool" as const, data: new Uint8Array([1, 0, 1]), shape: [3] },
      { dtype: "float32" as const, data: new Float32Array([7]), shape: [] },
      { dtype: "int32" as const, data: new Int32Array(0), shape: [0, 5] },
    ];
    for (const tensor of tensors) {
      const file = writeNpy(tensor);
      expect(readNpyHeader(file).dataOffset % 64).toBe(0);
      expect(readNpy(file)).toEqual({ ...tensor, stored: tensor.dtype });
    }
  });
});

describe("readNpy refuses what it cannot read, saying why", () => {
  it("a file that is not .npy", () => {
    expect(readError(new TextEncoder().encode("[[1, 2]]"))).toMatch(/not a \.npy file/);
  });

  it("int64 values outside int32's range, with their position", () => {
    const data = new Uint8Array(16);
    new DataView(data.buffer).setBigInt64(8, 3_000_000_000n, true);
    const file = npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), }", data);
    expect(readError(file)).toBe("int64 value 3000000000 at [0, 1] does not fit in int32");
  });

  it("big-endian data, Fortran order and other dtypes", () => {
    expect(readError(npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4)))).toMatch(
      /unsupported \.npy dtype '>f4' \(big-endian float32\); nnspec reads float32, float64 \(read as float32\), int32, int64 \(read as int32\) and bool, little-endian/,
    );
    expect(readError(npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(2)))).toMatch(/'<f2' \(float16\)/);
    expect(readError(npyFile("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(12)))).toMatch(/'<U3' \(unicode string\)/);
    expect(readError(npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new Uint8Array(16)))).toMatch(/Fortran order/);
  });

  it("data that does not fill the shape, and malformed headers", () => {
    expect(readError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", new Uint8Array(20)))).toBe(
      "the .npy data has 20 bytes but shape (2, 3) of float32 needs 24",
    );
    expect(readError(npyFile("{'descr': '<f4', 'shape': (2,), }"))).toMatch(/malformed \.npy header/);
    expect(readError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }"))).toMatch(/malformed shape/);
    expect(readError(bytes(numpy.int32).subarray(0, 40))).toBe("the .npy header is truncated");
  });
});
