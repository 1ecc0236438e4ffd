import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { seedStochasticLayers } from "../../src/train/dropout-seeds.js";
import { specIR } from "./support.js";

const DROPOUT = `model D {
  input x: float32[batch, 4, 6]
  output y = x |> LSTM(8, return_sequences=true, dropout=0.4, recurrent_dropout=0.4) |> Dropout(0.5)
}`;

async function setup(): Promise<{ tf: Awaited<ReturnType<typeof initBackend>>["tf"]; model: LayersModel; x: Tensor }> {
  const { tf } = await initBackend("cpu");
  const { model } = await buildModel(specIR(DROPOUT), { seed: 2, backend: "cpu" });
  const x = tf.tensor3d(Array.from({ length: 2 * 4 * 6 }, (_, i) => Math.cos(i)), [2, 4, 6]);
  return { tf, model, x };
}

const values = (tensor: Tensor | Tensor[] | unknown): number[] => Array.from((tensor as Tensor).dataSync());

describe("Dropout and recurrent dropout", () => {
  it("are inactive at inference: predict is deterministic and equals a pass in inference mode", async () => {
    const { model, x } = await setup();
    const first = values(model.predict(x));
    expect(values(model.predict(x))).toEqual(first);
    expect(values(model.apply(x, { training: false }))).toEqual(first);
    expect(first.some((v) => v === 0)).toBe(false);
    model.dispose();
  });

  it("are active in training, with new masks each step, the same under the same seed", async () => {
    const { tf, model, x } = await setup();
    const seeds = seedStochasticLayers(tf, model, 11);
    const inference = values(model.predict(x));
    seeds.beforeStep(0);
    const step0 = values(model.apply(x, { training: true }));
    seeds.beforeStep(1);
    const step1 = values(model.apply(x, { training: true }));
    expect(step0).not.toEqual(inference);
    expect(step1).not.toEqual(step0);
    // Dropout(0.5) zeroes about half of the values and doubles the rest.
    const zeros = step0.filter((v) => v === 0).length / step0.length;
    expect(zeros).toBeGreaterThan(0.3);
    expect(zeros).toBeLessThan(0.7);

    const twin = await setup();
    const twinSeeds = seedStochasticLayers(twin.tf, twin.model, 11);
    twinSeeds.beforeStep(0);
    expect(values(twin.model.apply(twin.x, { training: true }))).toEqual(step0);
    twin.model.dispose();

    seeds.restore();
    expect(values(model.predict(x))).toEqual(inference);
    model.dispose();
  });

  it("applies an LSTM's recurrent_dropout alone, seeded", async () => {
    const { tf } = await initBackend("cpu");
    const ir = specIR(`model R {
  input x: float32[batch, 4, 6]
  output y = x |> LSTM(8, recurrent_dropout=0.5)
}`);
    const x = tf.tensor3d(Array.from({ length: 2 * 4 * 6 }, (_, i) => Math.sin(i)), [2, 4, 6]);
    const run = async (): Promise<{ inference: number[]; training: number[] }> => {
      const { model } = await buildModel(ir, { seed: 2, backend: "cpu" });
      seedStochasticLayers(tf, model, 3).beforeStep(0);
      const result = { inference: values(model.predict(x)), training: values(model.apply(x, { training: true })) };
      model.dispose();
      return result;
    };
    const first = await run();
    expect(first.training).not.toEqual(first.inference);
    expect(await run()).toEqual(first);
  });

  it("puts the spec's Dropout seed back for saving", async () => {
    const { tf, model } = await setup();
    const seeds = seedStochasticLayers(tf, model, 11);
    seeds.beforeStep(5);
    seeds.restore();
    const dropout = model.layers.find((layer) => layer.getClassName() === "Dropout")!;
    expect(dropout.getConfig().seed).toBeNull();
    model.dispose();
  });
});
