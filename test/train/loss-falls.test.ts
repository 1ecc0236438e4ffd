import { describe, expect, it } from "vitest";
import { initBackend, type BackendName } from "../../src/backend/backend.js";
import { BackendUnavailableError } from "../../src/backend/errors.js";
import type { LossName } from "../../src/ir/pipeline-types.js";
import { defaultTrainingConfig } from "../../src/ir/settings/training-defaults.js";
import { train } from "../../src/train/train.js";
import { TrainError } from "../../src/train/train-error.js";
import { classificationLines, dataFile, specIR } from "./support.js";
import { seedIR, SEED_CELLS } from "../backend/seed-specs.js";
import { check } from "../../src/api/check.js";
import { readFileSync } from "node:fs";

const TINY = `model Tiny {
  input tokens: int32[batch, 6]
  output label = tokens |> Embedding(20, 8) |> LSTM(8) |> Dense(3, activation="softmax")
}`;

/** The backends that load here: wasm and cpu always; native TensorFlow when @tensorflow/tfjs-node is installed. */
async function availableBackends(): Promise<BackendName[]> {
  const names: BackendName[] = [];
  for (const name of ["tensorflow", "wasm", "cpu"] as const) {
    try {
      await initBackend(name);
      names.push(name);
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
    }
  }
  return names;
}

const backends = await availableBackends();

describe("training on every available backend", () => {
  it("has wasm and cpu at least", () => {
    expect(backends).toEqual(expect.arrayContaining(["wasm", "cpu"]));
  });

  it.each(backends)("makes the loss fall on %s (Embedding → LSTM → softmax)", async (backend) => {
    const config = {
      ...defaultTrainingConfig(),
      optimizer: { name: "adam" as const, learning_rate: 0.02 },
      loss: ["sparse_categorical_crossentropy" as LossName],
      metrics: ["accuracy"],
      epochs: 3,
      batch_size: 16,
    };
    const result = await train(specIR(TINY), { train: dataFile("data.csv", classificationLines(96, 6)) }, config, { seed: 7, backend });
    result.model.dispose();
    expect(result.backend).toBe(backend);
    const losses = result.history.map((record) => record.logs.loss!);
    expect(losses).toHaveLength(3);
    expect(losses[2]!).toBeLessThan(losses[0]! * 0.9);
    expect(result.history[2]!.logs.accuracy!).toBeGreaterThan(result.history[0]!.logs.accuracy!);
  });
});

describe("the seed models on wasm", () => {
  // Small sizes: each cell is trained for one step, only to show that every kernel fit needs is there.
  const small = { vocab_size: "30", embedding_dim: "4", seq_length: "3", seq_length1: "3", seq_length2: "4", lstm_units: "3", hidden_dim: "3" };

  it.each(SEED_CELLS.filter((cell) => cell.file !== "softmax.nnspec"))("trains $file for a step", async ({ file }) => {
    const path = new URL(`../../specs/seed/${file}`, import.meta.url);
    const params = Object.fromEntries(Object.entries(small).filter(([name]) => seedIR(file).params.some((p) => p.name === name)));
    const { ir } = check(readFileSync(path, "utf8"), { file, params });
    const output = ir!.outputs[0]!;
    const size = output.shape.slice(1).reduce<number>((a, b) => a * (b as number), 1);
    const row = Object.fromEntries([
      ...ir!.inputs.map((input) => [input.name, Array.from({ length: input.shape[1] as number }, (_, i) => (i * 7) % 30)]),
      [output.name, Array.from({ length: size }, (_, i) => Math.sin(i))],
    ]);
    const config = { ...defaultTrainingConfig(), loss: ["mse" as LossName], batch_size: 2 };
    const result = await train(ir!, { train: dataFile("d.jsonl", [JSON.stringify(row), JSON.stringify(row)]) }, config, { seed: 1, backend: "wasm" });
    result.model.dispose();
    expect(result.steps).toBe(1);
    expect(Number.isFinite(result.history[0]!.logs.loss)).toBe(true);
  });

  it("refuses the softmax cell: it has no weights to train (NN6046)", async () => {
    const config = { ...defaultTrainingConfig(), loss: ["mse" as LossName] };
    const error = await train(seedIR("softmax.nnspec"), { train: "unused.jsonl" }, config, { backend: "wasm" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainError);
    expect((error as TrainError).diagnostics.map((d) => d.code)).toEqual(["NN6046"]);
  });
});
