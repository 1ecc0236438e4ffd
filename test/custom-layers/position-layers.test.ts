import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { disposeRun, maxDifference, runCustomLayer, setUpCustomLayers } from "./custom-layer-run.js";

/** PositionEmbedding and SinePositionEncoding compute keras_nlp's values, within 1e-5. */

const TOLERANCE = 1e-5;

beforeAll(setUpCustomLayers);

describe("PositionEmbedding", () => {
  it("returns the first `time` rows of its embeddings for every example", () => {
    const run = runCustomLayer("PositionEmbedding", { sequence_length: 10 }, [[3, 6, 4]]);
    const rows = tf.slice(run.weights[0], [0, 0], [6, 4]);
    const reference = tf.stack([rows, rows, rows]);
    expect(maxDifference(run.outputs[0], reference)).toBeLessThan(TOLERANCE);
    disposeRun(run);
  });
});

describe("SinePositionEncoding", () => {
  /** keras_nlp's formula, number by number. */
  function reference(time: number, features: number, maxWavelength: number): number[][] {
    return Array.from({ length: time }, (_, p) =>
      Array.from({ length: features }, (_, i) => {
        const angle = p / maxWavelength ** ((2 * Math.floor(i / 2)) / features);
        return i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
      }),
    );
  }

  it.each([
    [4, 7, 6, 10000],
    [2, 12, 5, 100],
  ])("batch %i, %i steps, %i features, max_wavelength %i", (batch, time, features, maxWavelength) => {
    const run = runCustomLayer("SinePositionEncoding", { max_wavelength: maxWavelength }, [[batch, time, features]]);
    const expected = tf.tensor3d(Array.from({ length: batch }, () => reference(time, features, maxWavelength)));
    expect(maxDifference(run.outputs[0], expected)).toBeLessThan(TOLERANCE);
    disposeRun(run);
  });
});
