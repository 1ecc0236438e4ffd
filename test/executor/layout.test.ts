import { describe, expect, it } from "vitest";
import { unsupportedLayers } from "../../src/executor/index.js";
import { chooseKernel } from "../../src/executor/kernels/choose-kernel.js";
import { Arena } from "../../src/executor/plan/arena.js";
import type { LayerCase } from "./layer-cases.js";
import { padded } from "./padding.js";
import { describeCaseGroups, expectSameAsLayers, specIR } from "./same-as-layers.js";

// Reshaping, slicing, Rescaling and TimeDistributed against nnspec's Layers model (cpu backend),
// on both kernels. Sizes are odd and transposes not multiples of 4, so the kernels' 4×4 tiles
// have edges; several batch sizes, symbolic lengths where the layer allows them.

const model = (name: string, body: string, symbols?: Record<string, number>): LayerCase => ({ name, source: `model M {\n${body}\n}`, symbols });

const RESHAPING: LayerCase[] = [
  model("RepeatVector", `input x: float32[batch, 3]\noutput y = x |> RepeatVector(5)`),
  model("RepeatVector of one feature", `input x: float32[batch, 1]\noutput y = x |> RepeatVector(6)`),
  model("RepeatVector of a wide row", `input x: float32[batch, 37]\noutput y = x |> RepeatVector(3)`),
  model("Flatten, rank 3", `input x: float32[batch, 4, 3]\noutput y = x |> Flatten()`),
  model("Flatten, rank 4", `input x: float32[batch, 2, 3, 5]\noutput y = x |> Flatten()`),
  model("Reshape", `input x: float32[batch, 6, 5]\noutput y = x |> Reshape([3, 10])`),
  model("Reshape to rank 4", `input x: float32[batch, 30]\noutput y = x |> Reshape([2, 5, 3])`),
  model("Reshape with -1 first, symbolic time", `input x: float32[batch, T, 6]\noutput y = x |> Reshape([-1, 3])`, { T: 7 }),
  model("Reshape with -1 last", `input x: float32[batch, 6, 5]\noutput y = x |> Reshape([3, -1])`),
  model("Reshape with -1 between", `input x: float32[batch, T, 12]\noutput y = x |> Reshape([2, -1, 3])`, { T: 5 }),
  model("Permute [2, 1]", `input x: float32[batch, 7, 5]\noutput y = x |> Permute([2, 1])`),
  model("Permute [2, 1], tiles and edges", `input x: float32[batch, 13, 10]\noutput y = x |> Permute([2, 1])`),
  model("Permute [2, 1], symbolic time", `input x: float32[batch, T, 9]\noutput y = x |> Permute([2, 1])`, { T: 11 }),
  model("Permute [2, 1, 3] (attention heads)", `input x: float32[batch, T, 3, 5]\noutput y = x |> Permute([2, 1, 3])`, { T: 6 }),
  model("Permute [3, 1, 2]", `input x: float32[batch, 6, 5, 7]\noutput y = x |> Permute([3, 1, 2])`),
  model("Permute [3, 2, 1]", `input x: float32[batch, 9, 5, 6]\noutput y = x |> Permute([3, 2, 1])`),
  model("Permute [1, 3, 2]", `input x: float32[batch, 3, 9, 6]\noutput y = x |> Permute([1, 3, 2])`),
  model("Permute of rank 5, more axes than the kernel's", `input x: float32[batch, 2, 3, 4, 5]\noutput y = x |> Permute([4, 2, 3, 1])`),
  model("Permute, then Reshape, then Permute back", `input x: float32[batch, T, 12]
  split = x |> Reshape([-1, 3, 4]) |> Permute([2, 1, 3])
  output y = split |> Permute([2, 1, 3]) |> Reshape([-1, 12])`, { T: 5 }),
  model("Flatten of a transposed LSTM sequence, then Dense", `input x: float32[batch, 6, 3]
  output y = x |> LSTM(5, return_sequences=true) |> Permute([2, 1]) |> Flatten() |> Dense(7)`),
];

const SLICING: LayerCase[] = [
  model("last step h[:, -1]", `input x: float32[batch, 6, 5]\noutput y = x[:, -1]`),
  model("last step h[:, -1, :], symbolic time", `input x: float32[batch, T, 5]\noutput y = x[:, -1, :]`, { T: 9 }),
  model("first step", `input x: float32[batch, T, 7]\noutput y = x[:, 0]`, { T: 4 }),
  model("range with a step", `input x: float32[batch, 10, 3]\noutput y = x[:, 1:8:2]`),
  model("every third step", `input x: float32[batch, 11, 3]\noutput y = x[:, ::3]`),
  model("from an index, symbolic time", `input x: float32[batch, T, 3]\noutput y = x[:, 2:]`, { T: 7 }),
  model("up to a negative index", `input x: float32[batch, T, 3]\noutput y = x[:, :-2]`, { T: 7 }),
  model("two axes", `input x: float32[batch, 8, 9]\noutput y = x[:, -3:, 1:8:3]`),
  model("two indices", `input x: float32[batch, 6, 5, 4]\noutput y = x[:, 1, 2]`),
  model("an index on the last axis", `input x: float32[batch, 6, 5]\noutput y = x[:, :, 3]`),
  model("ends beyond the axis clamp", `input x: float32[batch, 5, 3]\noutput y = x[:, -20:20]`),
  model("a slice of rank 4 with steps", `input x: float32[batch, 7, 6, 5]\noutput y = x[:, 1::2, 2:, 1:4]`),
  model("the last step of an LSTM sequence", `input x: float32[batch, 6, 3]\n  h = x |> LSTM(5, return_sequences=true) |> Dense(7)\n  output y = h[:, -1]`),
];

const RESCALING: LayerCase[] = [
  model("x * c", `input x: float32[batch, 7, 3]\noutput y = x * 2.5`),
  model("x - c", `input x: float32[batch, 7, 3]\noutput y = x - 1.25`),
  model("x / c", `input x: float32[batch, 5]\noutput y = x / 3`),
  model("-x", `input x: float32[batch, 5, 3]\noutput y = -x`),
  model("Rescaling with an offset", `input x: float32[batch, T, 3]\noutput y = x |> Rescaling(0.1, offset=-0.7)`, { T: 9 }),
];

const TIME_DISTRIBUTED: LayerCase[] = [
  model("TimeDistributed(Dense)", `input x: float32[batch, 6, 3]\noutput y = x |> TimeDistributed(Dense(5))`),
  model("TimeDistributed(Dense, softmax), symbolic time", `input x: float32[batch, T, 3]\noutput y = x |> TimeDistributed(Dense(7, activation="softmax"))`, { T: 9 }),
  model("TimeDistributed(Dense) on rank 4", `input x: float32[batch, 4, 3, 6]\noutput y = x |> TimeDistributed(Dense(5, activation="tanh", use_bias=false))`),
  model("TimeDistributed(LSTM)", `input x: float32[batch, 3, 6, 4]\noutput y = x |> TimeDistributed(LSTM(7))`),
  model("TimeDistributed(Bidirectional(LSTM))", `input x: float32[batch, 3, 6, 4]\noutput y = x |> TimeDistributed(Bidirectional(LSTM(5)))`),
  model("TimeDistributed(SimpleRNN, sequences)", `input x: float32[batch, 3, 5, 2]\noutput y = x |> TimeDistributed(SimpleRNN(5, return_sequences=true))`),
  model("TimeDistributed(Bidirectional(LSTM)) over embedded words", `input doc: int32[batch, 3, 5]
  output y = doc |> Embedding(30, 4) |> TimeDistributed(Bidirectional(LSTM(5)))`),
  model("TimeDistributed(Embedding), then TimeDistributed(Dense)", `input ids: int32[batch, 3, 5]
  output y = ids |> TimeDistributed(Embedding(20, 4)) |> TimeDistributed(Dense(3))`),
  model("TimeDistributed(Dense) after an Embedding (folded)", `input ids: int32[batch, T]\noutput y = ids |> Embedding(20, 4) |> TimeDistributed(Dense(5, activation="relu"))`, { T: 7 }),
  model("TimeDistributed(Flatten)", `input x: float32[batch, 3, 4, 5, 2]\noutput y = x |> TimeDistributed(Flatten())`),
  model("TimeDistributed(Dropout)", `input x: float32[batch, 3, 4]\noutput y = x |> TimeDistributed(Dropout(0.5)) |> Dense(5)`),
];

describe("the stridedCopy kernel", () => {
  // [d0, d1, d2, d3] and strides: contiguous rows, one block, repeats (stride 0), transposes
  // with and without whole 4×4 tiles, and the general strided case.
  const views: [number[], number[]][] = [
    [[2, 3, 4, 5], [60, 20, 5, 1]],
    [[1, 2, 3, 5], [0, 15, 5, 1]],
    [[2, 1, 3, 7], [7, 0, 0, 1]],
    [[1, 2, 5, 6], [0, 1, 0, 0]],
    [[2, 3, 8, 12], [288, 96, 1, 8]],
    [[1, 2, 13, 10], [0, 130, 1, 13]],
    [[2, 3, 5, 9], [135, 1, 3, 15]],
  ];
  for (const kernelName of ["wasm-simd", "js"] as const) {
    it(`moves int32 values bit for bit along every path (${kernelName})`, async () => {
      const { kernel } = await chooseKernel(kernelName);
      const arena = new Arena(kernel.memory);
      // -1 and 0x7fc00001 are NaN bit patterns as float32: a float copy could change them.
      const source = Int32Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? -1 - i : i % 3 === 1 ? 0x7fc00001 + i : i));
      const x = arena.reserve(source.length);
      for (const [dims, strides] of views) {
        const count = dims.reduce((a, b) => a * b, 1);
        const y = arena.reserve(count);
        arena.i32.set(source, x >> 2);
        kernel.functions.stridedCopy(x, y, ...(dims as [number, number, number, number]), ...(strides as [number, number, number, number]));
        const expected = new Int32Array(count);
        let k = 0;
        for (let a = 0; a < dims[0]!; a++)
          for (let b = 0; b < dims[1]!; b++)
            for (let c = 0; c < dims[2]!; c++)
              for (let d = 0; d < dims[3]!; d++) expected[k++] = source[a * strides[0]! + b * strides[1]! + c * strides[2]! + d * strides[3]!]!;
        expect(Array.from(arena.i32.subarray(y >> 2, (y >> 2) + count)), `${dims} / ${strides}`).toEqual(Array.from(expected));
      }
    });
  }
});

describeCaseGroups({ reshaping: RESHAPING, slicing: SLICING, rescaling: RESCALING, "time-distributed": TIME_DISTRIBUTED }, { batches: [1, 2, 5], symbols: { T: 6 }, salt: 7000 });

// tfjs-layers calls every layer output float32, but the tensors keep int32: token IDs sliced or
// concatenated reach the Embedding as IDs, in the Layers model as in the executor.
describe("token IDs moved before their Embedding", () => {
  const cases: LayerCase[] = [
    model("sliced IDs", `input ids: int32[batch, 7]\n  output y = ids[:, 1:6:2] |> Embedding(10, 3)`),
    model("concatenated IDs", `input a: int32[batch, 3]\n  input b: int32[batch, 2]\n  output y = concatenate(a, b) |> Embedding(10, 3)`),
    model("IDs as an output", `input ids: int32[batch, 5]\n  output y = ids[:, -2:]`),
  ];
  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      await expectSameAsLayers(specIR(c.source), { batches: [1, 3], salt: 8500 + i });
    });
  }
});

describe("masks through the layout layers", () => {
  const masked = (name: string, body: string): LayerCase => model(name, `input ids: int32[batch, 6]\n  e = ids |> Embedding(12, 4, mask_zero=true)\n  ${body}`);
  const cases: LayerCase[] = [
    // TimeDistributed supports masking: the LSTM after it skips the padded steps.
    masked("TimeDistributed passes the mask on", `output y = e |> TimeDistributed(Dense(5)) |> LSTM(7)`),
    masked("TimeDistributed passes the mask on to a sequence", `output y = e |> TimeDistributed(Dense(5)) |> LSTM(7, return_sequences=true) |> TimeDistributed(Dense(3))`),
    // The others do not support masking in tfjs-layers: the mask stops, and the LSTM after them
    // runs every step (tfjs's executor would hand the stale mask on; nnspec's Layers model does not).
    masked("the mask stops at Rescaling", `output y = e * 2 |> LSTM(7)`),
    masked("the mask stops at Permute", `output y = e |> Permute([2, 1]) |> LSTM(5)`),
    masked("the mask stops at Reshape", `output y = e |> Reshape([-1, 2]) |> LSTM(5)`),
    masked("the mask stops at a slice", `output y = e[:, 1:] |> LSTM(5)`),
    masked("the mask stops at Flatten", `output y = e |> Flatten() |> RepeatVector(3) |> LSTM(5)`),
    masked("a mask does not reach a later, unmasked LSTM", `input x: float32[batch, 6, 3]\n  a = e |> LSTM(4)\n  output y = concatenate(a, x |> LSTM(4))`),
  ];
  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      const ir = specIR(c.source);
      expect(unsupportedLayers(ir)).toEqual([]);
      await expectSameAsLayers(ir, { batches: [1, 4], salt: 7900 + i, prepare: padded(ir) });
    });
  }

  it("refuses a mask that tfjs-layers would hand to the layer TimeDistributed wraps", () => {
    const ir = specIR(`model M {\ninput ids: int32[batch, T, 5]\noutput y = ids |> Embedding(12, 4, mask_zero=true) |> TimeDistributed(LSTM(3))\n}`);
    expect(unsupportedLayers(ir)).toEqual([
      { layer: "y", reason: "a mask reaches TimeDistributed(LSTM), which tfjs-layers hands on to the wrapped LSTM at every step; the executor does not run that" },
    ]);
  });
});
