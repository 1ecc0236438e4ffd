import { formatTuple, type HostTensor } from "../../io/host-tensor.js";
import { dimSymbols } from "../../ir/dims.js";
import type { IRInput, ModelIR } from "../../ir/types.js";
import { BackendError } from "../errors.js";
import { DimSizes, isPlainSymbol } from "./dim-sizes.js";
import { checkDerivedDims, checkGivenShape, checkTokenIds, convertGivenDType, type GivenInput } from "./given-input.js";
import { inputVocabulary } from "./input-vocabulary.js";
import { DEFAULT_ID_RANGE, randomInput } from "./random-input.js";

/** Rows of random data when neither data nor a batch size is given (the seed notebook's batch). */
export const DEFAULT_BATCH = 32;
/** The size of a symbolic or unknown non-batch dim of random data. */
export const DEFAULT_DIM = 16;

export interface PrepareInputsOptions {
  /** Data for the inputs by name: none (random data for all), or data for every input. */
  given: Readonly<Record<string, GivenInput>>;
  /** The batch size of random data (default DEFAULT_BATCH); with given data, it must match. */
  batch?: number;
  /** The seed of random data. */
  seed: number;
}

/** The inputs of one run, checked and in the IR's dtypes, with what a person should know about them. */
export interface PreparedInputs {
  tensors: Record<string, HostTensor>;
  /** True when the data was generated. */
  random: boolean;
  /** One line per input of random data: its dtype, shape and the range of its values. */
  descriptions: string[];
  /** Sizes that were chosen by default rather than given ("T has no size: using 16"). */
  notes: string[];
}

/**
 * Checks given data against the model's inputs before anything runs (unknown names NN6010,
 * missing data NN6011, shapes NN6003, dtypes NN6004, token IDs NN6005), or generates seeded
 * random data that the model accepts when none is given.
 */
export function prepareInputs(ir: ModelIR, options: PrepareInputsOptions): PreparedInputs {
  const names = ir.inputs.map((input) => input.name);
  for (const [name, given] of Object.entries(options.given)) {
    if (!names.includes(name)) {
      const inputs = names.map((n) => `'${n}'`).join(", ");
      throw new BackendError("UnknownInputName", `the model has no input '${name}'; its inputs are ${inputs}`, { file: given.origin });
    }
  }
  const sizes = new DimSizes();
  if (options.batch !== undefined) bindBatch(ir.inputs, options.batch, sizes);
  return Object.keys(options.given).length > 0 ? checkGiven(ir, options.given, sizes) : generate(ir, options, sizes);
}

function bindBatch(inputs: readonly IRInput[], batch: number, sizes: DimSizes): void {
  for (const input of inputs) {
    const dim = input.shape[0];
    if (typeof dim === "number" && dim !== batch) {
      throw new BackendError("InputShapeMismatch", `input '${input.name}' has a fixed batch size of ${dim}, not ${batch}`);
    }
    if (isPlainSymbol(dim)) sizes.bind(dim, batch, "as the batch size asked for");
  }
}

function checkGiven(ir: ModelIR, given: Readonly<Record<string, GivenInput>>, sizes: DimSizes): PreparedInputs {
  const missing = ir.inputs.filter((input) => given[input.name] === undefined).map((input) => `'${input.name}'`);
  if (missing.length > 0) {
    const which = missing.length === 1 ? `input ${missing[0]} has` : `inputs ${missing.join(", ")} have`;
    throw new BackendError("MissingInputData", `${which} no data: once data is given for one input, every input needs it`);
  }
  const tensors: Record<string, HostTensor> = {};
  for (const input of ir.inputs) {
    checkGivenShape(input, given[input.name]!, sizes);
    tensors[input.name] = convertGivenDType(input, given[input.name]!);
  }
  for (const input of ir.inputs) {
    checkDerivedDims(input, given[input.name]!, sizes);
    const vocabulary = input.dtype === "int32" ? inputVocabulary(ir, input.name) : undefined;
    if (vocabulary) checkTokenIds(input, given[input.name]!, tensors[input.name]!, vocabulary);
  }
  return { tensors, random: false, descriptions: [], notes: [] };
}

function generate(ir: ModelIR, options: PrepareInputsOptions, sizes: DimSizes): PreparedInputs {
  const batch = options.batch ?? DEFAULT_BATCH;
  const notes: string[] = [];
  const sizeOf = (input: IRInput, axis: number): number => {
    const dim = input.shape[axis]!;
    const fallback = axis === 0 ? batch : DEFAULT_DIM;
    if (dim === null) {
      if (axis > 0) notes.push(`axis ${axis} of input '${input.name}' has an unknown size: using ${DEFAULT_DIM}`);
      return fallback;
    }
    for (const symbol of dimSymbols(dim)) {
      if (sizes.get(symbol) !== undefined) continue;
      sizes.bind(symbol, fallback, "by default");
      if (axis > 0) notes.push(`${symbol} has no size: using ${DEFAULT_DIM}`);
    }
    const size = sizes.resolve(dim)!;
    if (size < 1) {
      throw new BackendError(
        "InputShapeMismatch",
        `axis ${axis} of input '${input.name}' is ${dim}, which is ${size} with the default sizes: give data for the inputs`,
      );
    }
    return size;
  };
  const tensors: Record<string, HostTensor> = {};
  const descriptions: string[] = [];
  for (const input of ir.inputs) {
    const shape = input.shape.map((_, axis) => sizeOf(input, axis));
    const vocabulary = input.dtype === "int32" ? inputVocabulary(ir, input.name) : undefined;
    tensors[input.name] = randomInput(input, shape, options.seed, vocabulary);
    descriptions.push(`${input.name}: ${input.dtype} ${formatTuple(shape)}, ${valueRange(input, vocabulary?.inputDim)}`);
  }
  return { tensors, random: true, descriptions, notes };
}

function valueRange(input: IRInput, inputDim: number | undefined): string {
  if (input.dtype === "bool") return "random true/false";
  if (input.dtype === "float32") return "uniform in [-1, 1)";
  return inputDim === undefined ? `IDs uniform in [0, ${DEFAULT_ID_RANGE})` : `IDs uniform in [0, ${inputDim}) (the Embedding's input_dim)`;
}
