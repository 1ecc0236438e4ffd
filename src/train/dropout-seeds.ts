import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { RandomStream } from "../backend/init/random-stream.js";
import type { Tf } from "../backend/backend.js";

/** What nnspec touches on tfjs layers to seed their randomness (fields tfjs marks private). */
interface StochasticLayer {
  getClassName(): string;
  seed?: number;
  cell?: StochasticCell;
  forwardLayer?: StochasticLayer;
  backwardLayer?: StochasticLayer;
  layer?: StochasticLayer;
}

interface StochasticCell {
  dropoutFunc?: (x: Tensor, rate: number) => Tensor;
  cells?: StochasticCell[];
}

export interface StochasticSeeds {
  /** Seeds the random draws of training step `step` (counted over the whole run). */
  beforeStep(step: number): void;
  /** Puts back the seeds the spec gave, so a saved model's config is the spec's. */
  restore(): void;
}

const DROPOUT_CLASSES = new Set(["Dropout", "SpatialDropout1D"]);

/**
 * Makes Dropout and recurrent dropout (dropout, recurrent_dropout of SimpleRNN/LSTM/GRU)
 * deterministic under a seed, with new masks on every step. A tfjs Dropout with a fixed seed
 * draws the same mask on every call, and without one draws from Math.random; so each step
 * gives every Dropout layer a fresh seed, and each recurrent cell a dropout function seeded
 * per call, all derived from (seed, layer, step).
 */
export function seedStochasticLayers(tf: Tf, model: LayersModel, seed: number): StochasticSeeds {
  const dropouts: { layer: StochasticLayer; key: string }[] = [];
  const cells: { cell: StochasticCell; key: string }[] = [];
  const visit = (layer: StochasticLayer | undefined, key: string): void => {
    if (!layer) return;
    if (DROPOUT_CLASSES.has(layer.getClassName())) dropouts.push({ layer, key });
    if (layer.cell) visitCell(layer.cell, key);
    visit(layer.forwardLayer, `${key}/forward`);
    visit(layer.backwardLayer, `${key}/backward`);
    visit(layer.layer, `${key}/inner`);
  };
  const visitCell = (cell: StochasticCell, key: string): void => {
    cells.push({ cell, key });
    cell.cells?.forEach((inner, i) => visitCell(inner, `${key}/${i}`));
  };
  for (const layer of model.layers) visit(layer as unknown as StochasticLayer, layer.name);

  let step = 0;
  for (const { cell, key } of cells) {
    let calls = 0;
    let callsStep = -1;
    cell.dropoutFunc = (x, rate) => {
      if (callsStep !== step) [calls, callsStep] = [0, step];
      return tf.dropout(x, rate, undefined, seedFor(seed, key, step, calls++));
    };
  }
  const original = dropouts.map(({ layer }) => layer.seed);
  return {
    beforeStep(next) {
      step = next;
      for (const { layer, key } of dropouts) layer.seed = seedFor(seed, key, step, 0);
    },
    restore() {
      dropouts.forEach(({ layer }, i) => (layer.seed = original[i]));
    },
  };
}

/** A non-zero 32-bit seed (tfjs treats 0 as "no seed") for one random draw. */
function seedFor(seed: number, key: string, step: number, call: number): number {
  return new RandomStream(JSON.stringify([seed, "dropout", key, step, call])).nextUint32() || 1;
}
