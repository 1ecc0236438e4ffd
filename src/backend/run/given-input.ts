import { formatIndex, formatTuple, sizeOf, type HostTensor } from "../../io/host-tensor.js";
import type { IRInput } from "../../ir/types.js";
import { BackendError } from "../errors.js";
import { isPlainSymbol, type DimSizes } from "./dim-sizes.js";
import type { Vocabulary } from "./input-vocabulary.js";

/** Data given for a model input. */
export interface GivenInput extends HostTensor {
  /** Where the data came from, for messages and error locations: a file path. */
  origin?: string;
  /** The dtype the data was stored as, when wider than `dtype` ("int64", "float64"). */
  stored?: string;
}

/** "input 'tokens' ('ids.npy')": the data, named for messages. */
export function describeGiven(name: string, given: GivenInput): string {
  return given.origin === undefined ? `input '${name}'` : `input '${name}' ('${given.origin}')`;
}

/**
 * The data as the input's dtype: the same dtype as is, integers widened to float32; anything
 * else (floats for token IDs, numbers for bool) is NN6004 InputDTypeMismatch.
 */
export function convertGivenDType(input: IRInput, given: GivenInput): HostTensor {
  const { data, shape } = given;
  if (given.dtype === input.dtype) return { dtype: given.dtype, data, shape };
  if (input.dtype === "float32" && given.dtype === "int32") return { dtype: "float32", data: Float32Array.from(data), shape };
  const expected = input.dtype === "int32" ? "int32 (integer IDs)" : input.dtype;
  let detail = "";
  if (input.dtype === "int32" && given.dtype === "float32") {
    const position = data.findIndex((value) => !Number.isInteger(value));
    detail =
      position === -1
        ? ": its values are whole numbers, so store them as integers"
        : `: ${data[position]} at ${formatIndex(position, shape)} is not an integer`;
  }
  throw new BackendError(
    "InputDTypeMismatch",
    `${describeGiven(input.name, given)} holds ${given.stored ?? given.dtype} data but the input is ${expected}${detail}`,
    { file: given.origin },
  );
}

/**
 * Checks the data's rank and the dims the input fixes (numbers) or names (symbols, learnt here
 * from the first data that has them). Dims that are expressions of symbols are checked by
 * checkDerivedDims once every input has been seen. NN6003 InputShapeMismatch otherwise.
 */
export function checkGivenShape(input: IRInput, given: GivenInput, sizes: DimSizes): void {
  const fail = (detail: string): never => {
    throw new BackendError(
      "InputShapeMismatch",
      `${describeGiven(input.name, given)} has shape ${formatTuple(given.shape)} but the input is ${formatTuple(input.shape)}: ${detail}`,
      { file: given.origin },
    );
  };
  if (!given.shape.every((size) => Number.isSafeInteger(size) && size >= 0)) fail("its dims must be non-negative integers");
  if (given.data.length !== sizeOf(given.shape)) fail(`it holds ${given.data.length} values, which do not fill that shape`);
  if (given.shape.length !== input.shape.length) fail(`expected rank ${input.shape.length}, received rank ${given.shape.length}`);
  input.shape.forEach((dim, axis) => {
    const size = given.shape[axis]!;
    if (typeof dim === "number" && dim !== size) fail(`axis ${axis} must be ${dim}`);
    if (isPlainSymbol(dim)) {
      const known = sizes.bind(dim, size, `in input '${input.name}'`);
      if (known !== undefined) fail(`axis ${axis} is ${dim}, which is ${known.size} ${known.from}`);
    }
  });
}

/** Checks the dims that are expressions (`T + 1`) once their symbols have sizes; unresolved ones accept any size. */
export function checkDerivedDims(input: IRInput, given: GivenInput, sizes: DimSizes): void {
  input.shape.forEach((dim, axis) => {
    if (typeof dim !== "string" || isPlainSymbol(dim)) return;
    const expected = sizes.resolve(dim);
    if (expected === undefined || expected === given.shape[axis]) return;
    throw new BackendError(
      "InputShapeMismatch",
      `${describeGiven(input.name, given)} has shape ${formatTuple(given.shape)} but the input is ${formatTuple(input.shape)}: ` +
        `axis ${axis} is ${dim}, which is ${expected} here`,
      { file: given.origin },
    );
  });
}

/** Every token ID must index the Embedding's table: NN6005 TokenOutOfVocabulary names the first that does not. */
export function checkTokenIds(input: IRInput, given: GivenInput, ids: HostTensor, vocabulary: Vocabulary): void {
  let first = -1;
  let count = 0;
  ids.data.forEach((id, position) => {
    if (id >= 0 && id < vocabulary.inputDim) return;
    if (first === -1) first = position;
    count++;
  });
  if (first === -1) return;
  const more = count > 1 ? ` (${count} IDs are out of range)` : "";
  throw new BackendError(
    "TokenOutOfVocabulary",
    `token ID ${ids.data[first]} at ${formatIndex(first, ids.shape)} of ${describeGiven(input.name, given)} is outside the vocabulary ` +
      `of Embedding '${vocabulary.layer}' (input_dim ${vocabulary.inputDim}): IDs must be in [0, ${vocabulary.inputDim})${more}`,
    { file: given.origin },
  );
}
