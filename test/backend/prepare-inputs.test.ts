import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { BackendError } from "../../src/backend/errors.js";
import type { GivenInput } from "../../src/backend/run/given-input.js";
import { prepareInputs } from "../../src/backend/run/prepare-inputs.js";
import type { CodeName } from "../../src/diagnostics/codes.js";
import type { ModelIR } from "../../src/ir/types.js";
import { seedIR } from "./seed-specs.js";

function ir(source: string): ModelIR {
  const result = check(source, { file: "inputs.nnspec" });
  if (!result.ir) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.ir;
}

/** The BackendError prepareInputs throws, as {code, message, file}. */
function failure(model: ModelIR, given: Record<string, GivenInput>, batch?: number): { code: CodeName; message: string; file?: string } {
  try {
    prepareInputs(model, { given, batch, seed: 1 });
  } catch (error) {
    expect(error).toBeInstanceOf(BackendError);
    const { code, message, file } = error as BackendError;
    return file === undefined ? { code, message } : { code, message, file };
  }
  throw new Error("prepareInputs accepted the inputs");
}

const ints = (rows: number[][], origin = "ids.json"): GivenInput => ({
  dtype: "int32",
  data: Int32Array.from(rows.flat()),
  shape: [rows.length, rows[0]!.length],
  origin,
});

const symbolic = ir(`model Symbolic {
  input words: int32[batch, T]
  input extra: float32[batch, ?, 8]
  input flags: int32[batch, 4]
  e = words |> Embedding(50, 8)
  output y = concatenate(e, extra, axis=1)
  output f = flags + flags
}`);

describe("random inputs", () => {
  it("draws token IDs within the Embedding's vocabulary, the same for the same seed", () => {
    const model = seedIR("embedding.nnspec");
    const first = prepareInputs(model, { given: {}, seed: 7 });
    expect(first.random).toBe(true);
    const tokens = first.tensors.tokens!;
    expect(tokens.dtype).toBe("int32");
    expect(tokens.shape).toEqual([32, 20]);
    expect(Math.min(...tokens.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...tokens.data)).toBeLessThan(1000);
    expect(Math.max(...tokens.data)).toBeGreaterThan(900); // uniform over the whole vocabulary
    expect(first.descriptions).toEqual(["tokens: int32 (32, 20), IDs uniform in [0, 1000) (the Embedding's input_dim)"]);
    expect(prepareInputs(model, { given: {}, seed: 7 }).tensors.tokens!.data).toEqual(tokens.data);
    expect(prepareInputs(model, { given: {}, seed: 8 }).tensors.tokens!.data).not.toEqual(tokens.data);
  });

  it("draws floats in [-1, 1) with the batch asked for", () => {
    const x = prepareInputs(seedIR("softmax.nnspec"), { given: {}, batch: 12, seed: 3 }).tensors.x!;
    expect(x.shape).toEqual([12, 20, 5]);
    expect(Math.min(...x.data)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...x.data)).toBeLessThan(1);
    expect(Math.min(...x.data)).toBeLessThan(-0.9);
  });

  it("sizes symbolic and unknown dims 16, one size per symbol, and says so", () => {
    const prepared = prepareInputs(symbolic, { given: {}, batch: 2, seed: 1 });
    expect(prepared.tensors.words!.shape).toEqual([2, 16]);
    expect(prepared.tensors.extra!.shape).toEqual([2, 16, 8]);
    expect(prepared.notes).toEqual(["T has no size: using 16", "axis 1 of input 'extra' has an unknown size: using 16"]);
    // flags feeds no Embedding: IDs from [0, 100).
    expect(prepared.descriptions[2]).toBe("flags: int32 (2, 4), IDs uniform in [0, 100)");
    expect(Math.max(...prepared.tensors.flags!.data)).toBeLessThan(100);
  });

  it("refuses a batch size the model does not take", () => {
    const fixed = ir("model Fixed {\n  input x: float32[8, 3]\n  output y = x |> Dense(2)\n}");
    expect(failure(fixed, {}, 32)).toEqual({ code: "InputShapeMismatch", message: "input 'x' has a fixed batch size of 8, not 32" });
    expect(prepareInputs(fixed, { given: {}, seed: 1 }).tensors.x!.shape).toEqual([8, 3]);
  });
});

describe("given inputs are checked before anything runs", () => {
  const embedding = seedIR("embedding.nnspec");
  const row = Array.from({ length: 20 }, (_, i) => i);

  it("accepts data that fits, converting integers for float inputs", () => {
    const prepared = prepareInputs(embedding, { given: { tokens: ints([row, row]) }, seed: 1 });
    expect(prepared).toMatchObject({ random: false, notes: [], descriptions: [] });
    expect(prepared.tensors.tokens).toEqual({ dtype: "int32", data: Int32Array.from([...row, ...row]), shape: [2, 20] });
    const softmax = prepareInputs(seedIR("softmax.nnspec"), { given: { x: { dtype: "int32", data: new Int32Array(100).fill(1), shape: [1, 20, 5] } }, seed: 1 });
    expect(softmax.tensors.x).toEqual({ dtype: "float32", data: new Float32Array(100).fill(1), shape: [1, 20, 5] });
  });

  it("names unknown inputs (NN6010) and inputs without data (NN6011)", () => {
    expect(failure(embedding, { tokns: ints([row]) })).toEqual({
      code: "UnknownInputName",
      message: "the model has no input 'tokns'; its inputs are 'tokens'",
      file: "ids.json",
    });
    expect(failure(symbolic, { words: ints([[1, 2]]) })).toEqual({
      code: "MissingInputData",
      message: "inputs 'extra', 'flags' have no data: once data is given for one input, every input needs it",
    });
  });

  it("reports the expected and received shapes (NN6003)", () => {
    expect(failure(embedding, { tokens: ints([[1, 2, 3]]) })).toEqual({
      code: "InputShapeMismatch",
      message: "input 'tokens' ('ids.json') has shape (1, 3) but the input is (batch, 20): axis 1 must be 20",
      file: "ids.json",
    });
    expect(failure(embedding, { tokens: { ...ints([row]), shape: [20] } }).message).toBe(
      "input 'tokens' ('ids.json') has shape (20,) but the input is (batch, 20): expected rank 2, received rank 1",
    );
    expect(failure(embedding, { tokens: { ...ints([row]), shape: [2, 20] } }).message).toMatch(/holds 20 values, which do not fill that shape$/);
    expect(failure(embedding, { tokens: ints([row, row]) }, 4).message).toBe(
      "input 'tokens' ('ids.json') has shape (2, 20) but the input is (batch, 20): axis 0 is batch, which is 4 as the batch size asked for",
    );
    const given = {
      words: ints([[1, 2, 3]], "words.json"),
      extra: { dtype: "float32" as const, data: new Float32Array(16), shape: [1, 2, 8], origin: "extra.npy" },
      flags: ints([[0, 1, 2, 3], [4, 5, 6, 7]], "flags.json"),
    };
    expect(failure(symbolic, given)).toEqual({
      code: "InputShapeMismatch",
      message: "input 'flags' ('flags.json') has shape (2, 4) but the input is (batch, 4): axis 0 is batch, which is 1 in input 'words'",
      file: "flags.json",
    });
  });

  it("reports the expected and received dtypes (NN6004)", () => {
    const floats = { dtype: "float32" as const, data: new Float32Array(20).fill(0.5), shape: [1, 20], origin: "ids.npy", stored: "float64" };
    expect(failure(embedding, { tokens: floats })).toEqual({
      code: "InputDTypeMismatch",
      message: "input 'tokens' ('ids.npy') holds float64 data but the input is int32 (integer IDs): 0.5 at [0, 0] is not an integer",
      file: "ids.npy",
    });
    expect(failure(embedding, { tokens: { ...floats, data: new Float32Array(20).fill(3) } }).message).toMatch(
      /holds float64 data but the input is int32 \(integer IDs\): its values are whole numbers, so store them as integers$/,
    );
    const bools = { dtype: "bool" as const, data: new Uint8Array(100), shape: [1, 20, 5] };
    expect(failure(seedIR("softmax.nnspec"), { x: bools })).toEqual({
      code: "InputDTypeMismatch",
      message: "input 'x' holds bool data but the input is float32",
    });
  });

  it("reports the first token ID outside the vocabulary, with its position and the input_dim (NN6005)", () => {
    const outside = [...row.slice(0, 17), 1000, -1, 5];
    expect(failure(embedding, { tokens: ints([row, outside]) })).toEqual({
      code: "TokenOutOfVocabulary",
      message:
        "token ID 1000 at [1, 17] of input 'tokens' ('ids.json') is outside the vocabulary of Embedding 'vectors' " +
        "(input_dim 1000): IDs must be in [0, 1000) (2 IDs are out of range)",
      file: "ids.json",
    });
  });

  it("follows token IDs through slices and concatenations to the Embedding they reach", () => {
    const model = ir(`model Moved {
  input a: int32[batch, 4]
  input b: int32[batch, 3]
  output y = concatenate(a[:, 1:], b) |> Embedding(20, 2)
}`);
    const drawn = prepareInputs(model, { given: {}, seed: 3 });
    expect(drawn.descriptions).toEqual([
      "a: int32 (32, 4), IDs uniform in [0, 20) (the Embedding's input_dim)",
      "b: int32 (32, 3), IDs uniform in [0, 20) (the Embedding's input_dim)",
    ]);
    expect(Math.max(...drawn.tensors.a!.data, ...drawn.tensors.b!.data)).toBeLessThan(20);
    expect(failure(model, { a: ints([[1, 2, 3, 4]]), b: ints([[5, 25, 6]], "b.json") })).toMatchObject({
      code: "TokenOutOfVocabulary",
      message: expect.stringContaining("token ID 25 at [0, 1] of input 'b' ('b.json') is outside the vocabulary of Embedding 'y' (input_dim 20)"),
    });
  });
});
