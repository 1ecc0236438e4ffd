import { describe, expect, it } from "vitest";
import { ALL_OPTIMIZATIONS, createExecutor } from "../../src/executor/index.js";
import type { ArrayTensor, ExecutorOptions, Optimizations } from "../../src/executor/types.js";
import type { ModelIR } from "../../src/ir/types.js";
import { layersPredict, relativeError } from "./layers-reference.js";
import { randomWeights } from "./model-data.js";
import { RUN_SEED, seededRandom, uniform } from "./random.js";
import { padded } from "./padding.js";
import { EXECUTORS, expectSameAsLayers, specIR, TOLERANCE } from "./same-as-layers.js";

// Initial states and masks on SimpleRNN, LSTM and GRU, alone and in a Bidirectional, against
// nnspec's Layers model, on both kernels, with every optimisation on and with all of them off.

const PLAIN: Partial<Optimizations> = Object.fromEntries(Object.keys(ALL_OPTIMIZATIONS).map((name) => [name, false]));
const ALL_FORMS: readonly ExecutorOptions[] = [...EXECUTORS, { kernel: "wasm-simd", threads: 1, optimizations: PLAIN }, { kernel: "js", optimizations: PLAIN }];

/**
 * Token IDs where the mask matters (0 is padding): leading and trailing padding, padding
 * inside, a row of padding only, a row without any. Vocabulary 8, 6 steps.
 */
const PADDED = [
  [0, 0, 3, 5, 2, 1],
  [4, 2, 7, 1, 0, 0],
  [0, 0, 0, 0, 0, 0],
  [3, 0, 5, 0, 0, 2],
  [6, 1, 1, 2, 3, 4],
];

/** Rows of PADDED per batch: all of them, the padding-only row alone, one row with gaps. */
const BATCHES = [[0, 1, 2, 3, 4], [2], [3]];

/**
 * Inputs for the rows of PADDED: int32 inputs are those rows (the n-th int32 input's rows
 * rotated by n, so that two inputs have different padding); float32 inputs are random.
 */
function paddedInputs(ir: ModelIR, rows: readonly number[], random: () => number): Record<string, ArrayTensor> {
  const inputs: Record<string, ArrayTensor> = {};
  let ints = 0;
  for (const input of ir.inputs) {
    if (input.dtype === "int32") {
      const shift = ints++;
      const data = rows.flatMap((row) => PADDED[(row + shift) % PADDED.length]!);
      inputs[input.name] = { data: Int32Array.from(data), shape: [rows.length, 6] };
    } else {
      const dims = input.shape.slice(1).map((dim) => (typeof dim === "number" ? dim : 6));
      inputs[input.name] = { data: uniform(random, rows.length * dims.reduce((a, b) => a * b, 1), -2, 2), shape: [rows.length, ...dims] };
    }
  }
  return inputs;
}

/** The executor's outputs on padded token IDs equal the Layers model's, in every form. */
async function expectSameOnPadding(source: string, salt: number): Promise<void> {
  const ir = specIR(source);
  const random = seededRandom(RUN_SEED + salt);
  const weights = randomWeights(ir, random);
  const executors = await Promise.all(ALL_FORMS.map((options) => createExecutor(ir, weights, options)));
  try {
    for (const rows of BATCHES) {
      const inputs = paddedInputs(ir, rows, random);
      const expected = await layersPredict(ir, weights, inputs);
      for (const [i, executor] of executors.entries()) {
        const actual = await executor.predict(inputs);
        for (const output of ir.outputs) {
          const form = ALL_FORMS[i]!.optimizations ? "no optimisations" : "optimised";
          const where = `output '${output.name}', rows [${rows.join(", ")}], kernel ${executor.kernel}, ${form}, NNSPEC_TEST_SEED=${RUN_SEED}`;
          expect(actual[output.name]!.shape, where).toEqual(expected[output.name]!.shape);
          expect(relativeError(actual[output.name]!.data, expected[output.name]!.data), where).toBeLessThanOrEqual(TOLERANCE);
        }
      }
    }
  } finally {
    await Promise.all(executors.map((executor) => executor.dispose()));
  }
}

const model = (name: string, body: string) => ({ name, source: `model M {\n${body}\n}` });
const embedded = "input ids: int32[batch, T]\n  e = ids |> Embedding(8, 4, mask_zero=true)";

/**
 * tfjs-layers' predict (engine/executor.js) gives every layer after the first one with a masked
 * input the same kwargs object: a layer without a mask of its own gets the last mask passed
 * before, and an RNN with initial states leaves them there, so that any recurrent layer applied
 * after it throws (a layer is applied once per output used). These models stay clear of both:
 * every recurrent layer reads a masked input, and one with initial states comes last (the
 * encoder's outputs are the model's first outputs).
 */
const MASKED = [
  model("LSTM sequences into LSTM: the mask reaches both", `${embedded}\n  output y = e |> LSTM(5, return_sequences=true) |> LSTM(7)`),
  model("LSTM, go_backwards, return_state", `${embedded}
  ys, hs, cs = e |> LSTM(5, go_backwards=true, return_sequences=true, return_state=true)
  output y = ys
  output h = hs
  output c = cs`),
  model("LSTM, other activations (the step in parts)", `${embedded}\n  output y = e |> LSTM(6, activation="relu", recurrent_activation="hard_sigmoid", return_sequences=true)`),
  model("SimpleRNN, sequences and last", `${embedded}
  output y = e |> SimpleRNN(5, return_sequences=true)
  output z = e |> SimpleRNN(3, go_backwards=true, activation="softmax")`),
  model("GRU, return_state", `${embedded}
  ys, hs = e |> GRU(7, return_sequences=true, return_state=true)
  output y = ys
  output h = hs`),
  model("GRU, go_backwards, softmax gates, last", `${embedded}\n  output y = e |> GRU(5, go_backwards=true, recurrent_activation="softmax", activation="softsign")`),
  model("GRU after a Dense that passes the mask on (not folded)", `${embedded}\n  output y = e |> Dense(3) |> GRU(5, return_sequences=true)`),
  model("Bidirectional LSTM, concat", `${embedded}\n  output y = e |> Bidirectional(LSTM(5, return_sequences=true))`),
  model("Bidirectional GRU, sum", `${embedded}\n  output y = e |> Bidirectional(GRU(5, return_sequences=true), merge_mode="sum")`),
  model("Bidirectional SimpleRNN, mul", `${embedded}\n  output y = e |> Bidirectional(SimpleRNN(5, return_sequences=true), merge_mode="mul")`),
  model("Bidirectional GRU, inner go_backwards, ave, last", `${embedded}\n  output y = e |> Bidirectional(GRU(6, go_backwards=true), merge_mode="ave")`),
  model("Bidirectional LSTM, none with return_state", `${embedded}
  fs, bs, fhs, fcs, bhs, bcs = e |> Bidirectional(LSTM(5, return_sequences=true, return_state=true), merge_mode=none)
  output f = fs
  output b = bs
  output fh = fhs
  output fc = fcs
  output bh = bhs
  output bc = bcs`),
  // Large enough (at 5 rows) for the two directions to be tasks of their own, run by both threads.
  model("Bidirectional LSTM in parallel", `${embedded}\n  output y = e |> Bidirectional(LSTM(200, return_sequences=true))`),
  model("GRU from given states: a padded first step outputs them", `${embedded}
  input h0: float32[batch, 5]
  output y = GRU(5, return_sequences=true)(e, initial_state=[h0])`),
  model("LSTM from given states, the final c returned", `${embedded}
  input h0: float32[batch, 4]
  input c0: float32[batch, 4]
  ys, hs, cs = LSTM(4, return_sequences=true, return_state=true)(e, initial_state=[h0, c0])
  output c = cs`),
  model("Bidirectional LSTM from given states", `${embedded}
  input h0: float32[batch, 3]
  input c0: float32[batch, 3]
  output y = Bidirectional(LSTM(3, return_sequences=true), merge_mode="concat")(e, initial_state=[h0, c0, c0, h0])`),
  model("GRU encoder-decoder: the encoder's state starts the decoder", `input source: int32[batch, T]
  input target: int32[batch, T]
  embedding = Embedding(8, 4, mask_zero=true)
  encoded, state = source |> embedding |> GRU(6, return_sequences=true, return_state=true)
  output e = encoded
  output decoded = GRU(6, return_sequences=true)(embedding(target), initial_state=state)`),
  model("LSTM encoder-decoder, the decoder going backwards", `input source: int32[batch, T]
  input target: int32[batch, T]
  encoded, h, c = source |> Embedding(8, 4, mask_zero=true) |> LSTM(5, return_sequences=true, return_state=true)
  output e = encoded
  output decoded = LSTM(5, return_sequences=true, go_backwards=true)(target |> Embedding(8, 3, mask_zero=true), initial_state=[h, c])`),
];

describe("masked steps keep the states, as tfjs's rnn() does", () => {
  for (const [i, c] of MASKED.entries()) {
    it(c.name, async () => {
      await expectSameOnPadding(c.source, 7000 + i);
    });
  }
});

const STARTED = [
  model("LSTM from an encoder's states", `input x: float32[batch, 5, 3]
  input y: float32[batch, 4, 3]
  out, h, c = x |> LSTM(4, return_state=true)
  output z = LSTM(4, return_sequences=true)(y, initial_state=[h, c])`),
  model("LSTM in parts, go_backwards, from given states", `input x: float32[batch, 5, 3]
  input h0: float32[batch, 6]
  input c0: float32[batch, 6]
  output y = LSTM(6, recurrent_activation="hard_sigmoid", go_backwards=true, return_sequences=true)(x, initial_state=[h0, c0])`),
  model("SimpleRNN, go_backwards, from a given state", `input x: float32[batch, 5, 3]
  input h0: float32[batch, 7]
  ys, hs = SimpleRNN(7, go_backwards=true, return_sequences=true, return_state=true)(x, initial_state=[h0])
  output y = ys
  output h = hs`),
  model("GRU from a given state, last output", `input x: float32[batch, 5, 3]\n  input h0: float32[batch, 5]\n  output y = GRU(5)(x, initial_state=[h0])`),
  model("Bidirectional LSTM from four states, none with return_state", `input x: float32[batch, 5, 3]
  input fh: float32[batch, 5]
  input fc: float32[batch, 5]
  fs, bs, fhs, fcs, bhs, bcs = Bidirectional(LSTM(5, return_sequences=true, return_state=true), merge_mode=none)(x, initial_state=[fh, fc, fc, fh])
  output f = fs
  output b = bs
  output bc = bcs`),
  model("Bidirectional GRU from two states, go_backwards, concat", `input x: float32[batch, 5, 3]
  input hf: float32[batch, 4]
  input hb: float32[batch, 4]
  output y = Bidirectional(GRU(4, go_backwards=true, return_sequences=true))(x, initial_state=[hf, hb])`),
  model("Bidirectional SimpleRNN from a Bidirectional's states, sum", `input x: float32[batch, 5, 3]
  ys, fh, bh = x |> Bidirectional(SimpleRNN(3, return_state=true))
  output y = Bidirectional(SimpleRNN(3, return_sequences=true), merge_mode="sum")(x, initial_state=[bh, fh])`),
];

describe("initial states start the recurrence instead of zeros", () => {
  for (const [i, c] of STARTED.entries()) {
    it(c.name, async () => {
      await expectSameAsLayers(specIR(c.source), { salt: 8000 + i, executors: ALL_FORMS });
    });
  }
});

// tfjs-layers' executor shares one kwargs object across a predict: an RNN's apply leaves its
// initialState there, and the next RNN, once a mask has been set, fails on it. nnspec's Layers
// model gives each layer its own copy (backend/isolate-call-arguments.ts).
describe("a recurrent layer after one with initial states, in a model with masks", () => {
  it("runs in the Layers model, and the executor computes the same", async () => {
    const ir = specIR(`model M {
      input source: int32[batch, 5]
      input target: int32[batch, 4]
      encoded, h, c = source |> Embedding(20, 3, mask_zero=true) |> LSTM(4, return_sequences=true, return_state=true)
      decoded = LSTM(4, return_sequences=true)(target |> Embedding(20, 3), initial_state=[h, c])
      output y = decoded |> LSTM(2)
      output z = encoded |> LSTM(3)
    }`);
    await expectSameAsLayers(ir, { batches: [1, 4], salt: 8400, prepare: padded(ir) });
  });
});
