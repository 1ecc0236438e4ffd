import { describe, expect, it } from "vitest";
import { createExecutor, unsupportedLayers } from "../../src/executor/index.js";
import type { LayerCase } from "./layer-cases.js";
import { randomWeights } from "./model-data.js";
import { padded } from "./padding.js";
import { RUN_SEED, seededRandom } from "./random.js";
import { describeCaseGroups, EXECUTORS, expectSameAsLayers, specIR } from "./same-as-layers.js";

// LayerNormalization, BatchNormalization and the position embeddings against nnspec's Layers
// model (cpu backend), on both kernels, at several batch sizes. Odd sizes: the kernels' vector
// loops have tails, and normalised axes that are not last are read four columns at a time.

const model = (name: string, body: string, symbols?: Record<string, number>): LayerCase => ({ name, source: `model M {\n${body}\n}`, symbols });

const LAYER_NORMALIZATION: LayerCase[] = [
  model("last axis, symbolic time", `input x: float32[batch, T, 5]\noutput y = x |> LayerNormalization()`, { T: 7 }),
  model("rank 2, wide, epsilon 1e-6", `input x: float32[batch, 37]\noutput y = x |> LayerNormalization(epsilon=1e-6)`),
  model("no center", `input x: float32[batch, 6, 9]\noutput y = x |> LayerNormalization(center=false)`),
  model("no scale", `input x: float32[batch, 6, 9]\noutput y = x |> LayerNormalization(scale=false)`),
  model("neither center nor scale", `input x: float32[batch, 6, 9]\noutput y = x |> LayerNormalization(center=false, scale=false)`),
  model("over time (axis 1), columns in fours and a tail", `input x: float32[batch, 6, 7]\noutput y = x |> LayerNormalization(axis=1)`),
  model("axis -2 of rank 4", `input x: float32[batch, 3, 9, 2]\noutput y = x |> LayerNormalization(axis=-2)`),
  model("axes [2, 3], symbolic time", `input x: float32[batch, T, 3, 5]\noutput y = x |> LayerNormalization(axis=[2, 3])`, { T: 4 }),
  model("axes [1, 2] of rank 4", `input x: float32[batch, 4, 3, 5]\noutput y = x |> LayerNormalization(axis=[1, 2], epsilon=0.01)`),
  model("axes [1, 3], not adjacent", `input x: float32[batch, 4, 3, 5]\noutput y = x |> LayerNormalization(axis=[1, 3])`),
  model("all axes of rank 4", `input x: float32[batch, 2, 3, 5]\noutput y = x |> LayerNormalization(axis=[1, 2, 3], center=false)`),
  // From batch 5, enough values for blocks of examples to be tasks of both threads.
  model("large enough for both threads", `input x: float32[batch, 400, 1001]\noutput y = x |> LayerNormalization()`),
  model("residual block", `input x: float32[batch, T, 6]\noutput y = x + (x |> Dense(6, activation="relu")) |> LayerNormalization(epsilon=1e-6)`, { T: 5 }),
];

const BATCH_NORMALIZATION: LayerCase[] = [
  model("last axis, symbolic time", `input x: float32[batch, T, 7]\noutput y = x |> BatchNormalization()`, { T: 5 }),
  model("rank 2, wide", `input x: float32[batch, 37]\noutput y = x |> BatchNormalization(epsilon=0.1)`),
  model("no center", `input x: float32[batch, 4, 5]\noutput y = x |> BatchNormalization(center=false)`),
  model("no scale", `input x: float32[batch, 4, 5]\noutput y = x |> BatchNormalization(scale=false)`),
  model("between Dense and relu", `input x: float32[batch, T, 6]\noutput y = x |> Dense(9) |> BatchNormalization() |> relu`, { T: 3 }),
];

const POSITIONS: LayerCase[] = [
  model("PositionEmbedding added to its input, symbolic time", `input x: float32[batch, T, 5]\noutput y = x + PositionEmbedding(9)(x)`, { T: 6 }),
  model("PositionEmbedding alone, every position", `input x: float32[batch, 9, 3]\noutput y = PositionEmbedding(9)(x)`),
  model("SinePositionEncoding added to its input, symbolic time", `input x: float32[batch, T, 6]\noutput y = x + SinePositionEncoding()(x)`, { T: 9 }),
  model("SinePositionEncoding, odd features, max_wavelength 100", `input x: float32[batch, 5, 7]\noutput y = SinePositionEncoding(max_wavelength=100)(x)`),
  // With the feature size unknown, no table: the encoding is made at each call.
  model("SinePositionEncoding, symbolic features", `input x: float32[batch, T, F]\noutput y = SinePositionEncoding()(x)`, { T: 6, F: 9 }),
  // Angles up to 300 radians: the encoding must round each angle to float32 as tfjs does.
  model("SinePositionEncoding over 300 steps", `input x: float32[batch, 300, 16]\noutput y = SinePositionEncoding()(x)`),
];


describeCaseGroups({ LayerNormalization: LAYER_NORMALIZATION, BatchNormalization: BATCH_NORMALIZATION, "position embeddings": POSITIONS }, { batches: [1, 2, 5], symbols: { T: 6 }, salt: 8000 });

// tfjs's cpu and wasm batchNorm kernels wrap the statistics around along the flat tensor, so an
// axis other than the last gets them per element modulo the channels; the executor matches that.
const OTHER_AXES: LayerCase[] = [
  model("axis 1 of rank 3", `input x: float32[batch, 6, 5]\noutput y = x |> BatchNormalization(axis=1)`),
  model("axis 2 of rank 4", `input x: float32[batch, 3, 6, 5]\noutput y = x |> BatchNormalization(axis=2, center=false)`),
  model("axis 1 of rank 4, symbolic last", `input x: float32[batch, 4, 3, T]\noutput y = x |> BatchNormalization(axis=1)`, { T: 7 }),
];

describe("BatchNormalization over another axis, as tfjs-layers computes it on the cpu and wasm backends", () => {
  for (const backend of ["cpu", "wasm"] as const) {
    for (const [i, c] of OTHER_AXES.entries()) {
      it(`${c.name}, tfjs ${backend}`, async () => {
        await expectSameAsLayers(specIR(c.source), { batches: [1, 3], symbols: c.symbols ?? {}, salt: 8500 + i, backend });
      });
    }
  }
});

describe("masks: the normalisations and position embeddings pass them on, as tfjs-layers' supportsMasking does", () => {
  const masked = (name: string, body: string): LayerCase => model(name, `input ids: int32[batch, T]\n  e = ids |> Embedding(12, 6, mask_zero=true)\n  ${body}`);
  const cases: LayerCase[] = [
    masked("LayerNormalization", `output y = e |> LayerNormalization() |> LSTM(5)`),
    masked("PositionEmbedding", `output y = PositionEmbedding(9)(e) |> LSTM(5, return_sequences=true)`),
    masked("SinePositionEncoding", `output y = SinePositionEncoding()(e) |> LSTM(5)`),
  ];
  for (const [i, c] of cases.entries()) {
    it(c.name, async () => {
      const ir = specIR(c.source);
      expect(unsupportedLayers(ir)).toEqual([]);
      await expectSameAsLayers(ir, { batches: [1, 4], symbols: { T: 7 }, salt: 8900 + i, prepare: padded(ir) });
    });
  }
});

describe("PositionEmbedding's sequence_length", () => {
  it("refuses an input with more steps, naming the layer", async () => {
    const ir = specIR(`model M {\ninput x: float32[batch, T, 3]\noutput y = PositionEmbedding(4)(x)\n}`);
    const weights = randomWeights(ir, seededRandom(RUN_SEED));
    for (const options of EXECUTORS) {
      const executor = await createExecutor(ir, weights, options);
      try {
        const data = new Float32Array(2 * 5 * 3);
        await expect(executor.predict({ x: { data, shape: [2, 5, 3] } })).rejects.toThrow(/'y' \(PositionEmbedding\) embeds at most 4 positions/);
        // Within it, it runs.
        const ok = await executor.predict({ x: { data: new Float32Array(2 * 4 * 3), shape: [2, 4, 3] } });
        expect(ok.y!.shape).toEqual([2, 4, 3]);
      } finally {
        await executor.dispose();
      }
    }
  });
});
