import { DataFileError } from "./data-file-error.js";

/** The `.npy` magic string: \x93NUMPY. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** What the header of a `.npy` file says: its dtype descriptor, layout and shape. */
export interface NpyHeader {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** Where the data starts, in bytes from the start of the file. */
  dataOffset: number;
}

/**
 * Reads the header of a `.npy` file (format versions 1, 2 and 3): the magic string, the
 * version, the header length, then a Python dict literal such as
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (32, 20), }`.
 */
export function readNpyHeader(bytes: Uint8Array): NpyHeader {
  if (bytes.length < 10 || NPY_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataFileError("not a .npy file (it does not start with the \\x93NUMPY magic string)");
  }
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let length: number;
  let start: number;
  if (major === 1) {
    length = view.getUint16(8, true);
    start = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new DataFileError("the .npy header is truncated");
    length = view.getUint32(8, true);
    start = 12;
  } else {
    throw new DataFileError(`unsupported .npy format version ${major}.${bytes[7]} (nnspec reads versions 1 to 3)`);
  }
  if (start + length > bytes.length) throw new DataFileError("the .npy header is truncated");
  // Version 3 allows UTF-8 field names; the fields nnspec reads are ASCII either way.
  const text = new TextDecoder().decode(bytes.subarray(start, start + length));
  return { ...parseHeaderDict(text), dataOffset: start + length };
}

function parseHeaderDict(text: string): Omit<NpyHeader, "dataOffset"> {
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(text)?.[1];
  const order = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || order === undefined || shapeText === undefined) {
    throw new DataFileError(`malformed .npy header: ${text.trim()}`);
  }
  const shape = shapeText
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => (/^\d+L?$/.test(part) ? Number.parseInt(part, 10) : Number.NaN));
  if (shape.some((dim) => !Number.isSafeInteger(dim))) throw new DataFileError(`malformed shape in the .npy header: (${shapeText})`);
  return { descr, fortranOrder: order === "True", shape };
}

/** A header for `descr` and `shape`, padded so the data starts at a multiple of 64 bytes, as numpy writes it. */
export function writeNpyHeader(descr: string, shape: readonly number[]): Uint8Array {
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${tuple}, }`;
  const unpadded = 10 + dict.length + 1;
  const text = dict + " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
  const bytes = new Uint8Array(10 + text.length);
  bytes.set(NPY_MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, text.length, true);
  bytes.set(new TextEncoder().encode(text), 10);
  return bytes;
}
