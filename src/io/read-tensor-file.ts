import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { DataFileError } from "./data-file-error.js";
import { describeFileError } from "./file-error.js";
import { tensorFromNested } from "./nested-array.js";
import { readNpy, type NpyTensor } from "./npy.js";

/**
 * Reads a tensor from a file, by extension: `.npy` (see readNpy) or `.json` (nested arrays,
 * see tensorFromNested). `stored` is the dtype in the file, which may be wider than the one
 * read ("int64" read as int32). Every failure is a DataFileError saying what is wrong.
 */
export async function readTensorFile(path: string): Promise<NpyTensor> {
  const extension = extname(path).toLowerCase();
  if (extension !== ".npy" && extension !== ".json") {
    throw new DataFileError(`cannot tell the format of '${path}': use a .npy or .json file`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DataFileError(`cannot read '${path}': ${describeFileError(error)}`);
  }
  if (extension === ".npy") return readNpy(bytes);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    throw new DataFileError(`'${path}' is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tensor = tensorFromNested(value);
  return { ...tensor, stored: tensor.dtype };
}
