import { describe, expect, it } from "vitest";
import type { LossName, TrainingConfig } from "../../src/ir/pipeline-types.js";
import { readWeights } from "../../src/backend/weights-snapshot.js";
import { defaultTrainingConfig } from "../../src/ir/settings/training-defaults.js";
import { train } from "../../src/train/train.js";
import type { TrainOptions } from "../../src/train/train-types.js";
import { classificationLines, dataFile, specIR, tempDir } from "./support.js";
import { join } from "node:path";

const SPEC = `model Noisy {
  input tokens: int32[batch, 6]
  output label = tokens |> Embedding(20, 6) |> LSTM(6, recurrent_dropout=0.2) |> Dropout(0.3) |> Dense(3, activation="softmax")
}`;

const config: TrainingConfig = {
  ...defaultTrainingConfig(),
  optimizer: { name: "adam", learning_rate: 0.01 },
  loss: ["sparse_categorical_crossentropy" as LossName],
  metrics: ["accuracy"],
  epochs: 2,
  batch_size: 8,
  validation_split: 0.25,
};

async function run(options: TrainOptions, data: string): Promise<{ weights: Map<string, Float32Array>; logs: Record<string, number>[]; interrupted: boolean; steps: number }> {
  const ir = specIR(SPEC);
  const result = await train(ir, { train: data }, config, { backend: "wasm", ...options });
  const weights = readWeights(ir, result.model);
  result.model.dispose();
  return { weights, logs: result.history.map((record) => record.logs), interrupted: result.interrupted, steps: result.steps };
}

describe("reproducible training", () => {
  it("gives the same weights and history for the same seed, data and backend, and others for another seed", async () => {
    const data = dataFile("data.csv", classificationLines(48, 6));
    const a = await run({ seed: 5 }, data);
    const b = await run({ seed: 5 }, data);
    const c = await run({ seed: 6 }, data);
    expect(b.weights).toEqual(a.weights);
    expect(b.logs).toEqual(a.logs);
    expect(c.weights.get("label/kernel")).not.toEqual(a.weights.get("label/kernel"));
  });

  it("resumes a run stopped part way through an epoch exactly where it stopped", async () => {
    const data = dataFile("data.csv", classificationLines(48, 6));
    const whole = await run({ seed: 9, outDir: join(tempDir(), "whole") }, data);

    const directory = join(tempDir(), "run");
    const controller = new AbortController();
    const stopped = await run(
      {
        seed: 9,
        outDir: directory,
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "batch" && event.epoch === 1 && event.batch === 2) controller.abort();
        },
      },
      data,
    );
    expect(stopped.interrupted).toBe(true);
    expect(stopped.steps).toBe(2);
    expect(stopped.logs).toEqual([]);

    const resumed = await run({ resume: directory, outDir: directory }, data);
    expect(resumed.interrupted).toBe(false);
    expect(resumed.steps).toBe(whole.steps);
    expect(resumed.weights).toEqual(whole.weights);
    expect(resumed.logs).toEqual(whole.logs);
  });
});
