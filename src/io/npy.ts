import { DataFileError } from "./data-file-error.js";
import { formatIndex, formatTuple, sizeOf, type HostTensor } from "./host-tensor.js";
import { readNpyHeader, writeNpyHeader } from "./npy-header.js";

/** A tensor read from a `.npy` file, with the dtype it was stored as ("int64", "float64", …). */
export interface NpyTensor extends HostTensor {
  stored: string;
}

/** The little-endian dtypes nnspec reads: how each is stored and what it becomes. */
const readable: Record<string, { stored: string; bytes: number }> = {
  "<f4": { stored: "float32", bytes: 4 },
  "<f8": { stored: "float64", bytes: 8 },
  "<i4": { stored: "int32", bytes: 4 },
  "<i8": { stored: "int64", bytes: 8 },
  "|b1": { stored: "bool", bytes: 1 },
};

const SUPPORTED = "float32, float64 (read as float32), int32, int64 (read as int32) and bool, little-endian";

/**
 * Reads a `.npy` file (NumPy's array format) in C order: float32, int32 and bool as they are;
 * float64 rounded to float32; int64 to int32, refusing values outside int32's range.
 * Anything else (big-endian, Fortran order, other dtypes) is a DataFileError saying why.
 */
export function readNpy(bytes: Uint8Array): NpyTensor {
  const header = readNpyHeader(bytes);
  // numpy writes '=' or '<' for native little-endian, and '|' where byte order does not apply.
  const descr = header.descr.replace(/^=/, "<");
  const format = readable[descr];
  if (format === undefined) {
    throw new DataFileError(`unsupported .npy dtype '${header.descr}' (${describeDescr(header.descr)}); nnspec reads ${SUPPORTED}`);
  }
  if (header.fortranOrder) {
    throw new DataFileError("the .npy array is in Fortran order; save it in C order (np.ascontiguousarray) instead");
  }
  const count = sizeOf(header.shape);
  const expected = count * format.bytes;
  const available = bytes.length - header.dataOffset;
  if (available !== expected) {
    throw new DataFileError(
      `the .npy data has ${available} bytes but shape ${formatTuple(header.shape)} of ${format.stored} needs ${expected}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, expected);
  const shape = header.shape;
  switch (format.stored) {
    case "float32":
    case "float64": {
      const data = new Float32Array(count);
      const wide = format.stored === "float64";
      for (let i = 0; i < count; i++) data[i] = wide ? view.getFloat64(i * 8, true) : view.getFloat32(i * 4, true);
      return { dtype: "float32", data, shape, stored: format.stored };
    }
    case "int32": {
      const data = new Int32Array(count);
      for (let i = 0; i < count; i++) data[i] = view.getInt32(i * 4, true);
      return { dtype: "int32", data, shape, stored: "int32" };
    }
    case "int64": {
      const data = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const value = view.getBigInt64(i * 8, true);
        if (value < -2147483648n || value > 2147483647n) {
          throw new DataFileError(`int64 value ${value} at ${formatIndex(i, shape)} does not fit in int32`);
        }
        data[i] = Number(value);
      }
      return { dtype: "int32", data, shape, stored: "int64" };
    }
    default: {
      const data = new Uint8Array(count);
      for (let i = 0; i < count; i++) data[i] = view.getUint8(i) === 0 ? 0 : 1;
      return { dtype: "bool", data, shape, stored: "bool" };
    }
  }
}

/** A `.npy` file (version 1.0, C order, little-endian) holding `tensor`. */
export function writeNpy(tensor: HostTensor): Uint8Array {
  const descr = tensor.dtype === "float32" ? "<f4" : tensor.dtype === "int32" ? "<i4" : "|b1";
  const header = writeNpyHeader(descr, tensor.shape);
  const itemBytes = tensor.dtype === "bool" ? 1 : 4;
  const bytes = new Uint8Array(header.length + tensor.data.length * itemBytes);
  bytes.set(header, 0);
  const view = new DataView(bytes.buffer, header.length);
  const { data } = tensor;
  if (data instanceof Float32Array) data.forEach((value, i) => view.setFloat32(i * 4, value, true));
  else if (data instanceof Int32Array) data.forEach((value, i) => view.setInt32(i * 4, value, true));
  else data.forEach((value, i) => view.setUint8(i, value === 0 ? 0 : 1));
  return bytes;
}

/** "big-endian float32", "float16": a descriptor in words. */
function describeDescr(descr: string): string {
  const order = descr[0] === ">" ? "big-endian " : "";
  const kind = descr.slice(/^[<>=|]/.test(descr) ? 1 : 0);
  const names: Record<string, string> = {
    f: "float",
    i: "int",
    u: "uint",
    b: "bool",
    c: "complex",
    U: "unicode string",
    S: "byte string",
    O: "Python object",
    M: "datetime",
    m: "timedelta",
    V: "raw bytes",
  };
  const name = names[kind[0] ?? ""];
  if (name === undefined) return `${order}unknown type`;
  const size = Number.parseInt(kind.slice(1), 10);
  const bits = ["f", "i", "u", "c"].includes(kind[0]!) && Number.isFinite(size) ? String(size * 8) : "";
  return `${order}${name}${bits}`;
}
