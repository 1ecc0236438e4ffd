import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { readModelDirectory } from "../../src/io/read-model-directory.js";
import type { LossName, TrainingConfig } from "../../src/ir/pipeline-types.js";
import { readWeights } from "../../src/backend/weights-snapshot.js";
import { defaultTrainingConfig } from "../../src/ir/settings/training-defaults.js";
import type { HistoryFile } from "../../src/train/history.js";
import { train } from "../../src/train/train.js";
import { TrainError } from "../../src/train/train-error.js";
import { classificationLines, dataFile, specIR, tempDir, TINY_CLASSIFIER } from "./support.js";

const config: TrainingConfig = {
  ...defaultTrainingConfig(),
  optimizer: { name: "adam", learning_rate: 0.05 },
  loss: ["sparse_categorical_crossentropy" as LossName],
  metrics: ["accuracy"],
  epochs: 6,
  batch_size: 8,
  validation_split: 0.25,
  early_stopping: { monitor: "val_loss", patience: 1, min_delta: 0, mode: "auto", restore_best_weights: true },
};

const files = (directory: string): string[] =>
  ["model.json", "group1-shard1of1.bin", "nnspec.json", "history.json", "curves.svg", "last/model.json", "last/group1-shard1of1.bin", "last/nnspec.json", "last/training-state.json", "last/optimizer.bin"].filter(
    (name) => existsSync(join(directory, name)),
  );

describe("the run directory", () => {
  it("holds the best model as nnspec compile lays it out, the last state, the history and the curves", async () => {
    const ir = specIR(TINY_CLASSIFIER);
    const directory = join(tempDir(), "run");
    const data = dataFile("data.csv", classificationLines(40, 4).map((line, i) => (i === 0 ? line : line.replace(/\b(1[0-9])\b/g, "9"))));
    const result = await train(ir, { train: data }, config, { seed: 3, backend: "wasm", outDir: directory });
    expect(files(directory)).toHaveLength(10);

    const history = JSON.parse(readFileSync(join(directory, "history.json"), "utf8")) as HistoryFile;
    expect(history.best_epoch).toBe(result.bestEpoch);
    expect(history.monitor).toEqual({ key: "val_loss", mode: "min" });
    expect(history.epochs.map((record) => Object.keys(record.logs))).toEqual(history.epochs.map(() => ["loss", "accuracy", "val_loss", "val_accuracy"]));
    const bestLoss = Math.min(...history.epochs.map((record) => record.logs.val_loss!));
    expect(history.epochs.find((record) => record.epoch === history.best_epoch)!.logs.val_loss).toBe(bestLoss);
    expect(readFileSync(join(directory, "curves.svg"), "utf8")).toContain(`best: epoch ${history.best_epoch}`);

    // The top level is a compiled model: nnspec's reader accepts it and TensorFlow.js loads it with the best weights,
    // which early stopping also restored into the returned model.
    const compiled = await readModelDirectory(directory);
    expect(compiled.manifest.seed).toBe(3);
    const { tf } = await initBackend("wasm");
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(compiled.artifacts));
    const x = tf.tensor2d([[1, 2, 3, 4], [9, 8, 7, 6]], [2, 4], "int32");
    const expected = Array.from((result.model.predict(x) as ReturnType<typeof tf.zeros>).dataSync());
    expect(Array.from((loaded.predict(x) as ReturnType<typeof tf.zeros>).dataSync())).toEqual(expected);
    expect(readWeights(ir, loaded)).toEqual(readWeights(ir, result.model));
    loaded.dispose();
    result.model.dispose();
  });

  it("refuses a directory nnspec did not write, before training", async () => {
    const directory = join(tempDir(), "mine");
    mkdirSync(directory);
    writeFileSync(join(directory, "notes.txt"), "keep me");
    const error = await train(specIR(TINY_CLASSIFIER), { train: dataFile("d.csv", classificationLines(8, 4)) }, config, { backend: "wasm", outDir: directory }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainError);
    expect((error as TrainError).message).toMatch(/^NN6008: will not write the run to '.*mine': it was not written by nnspec \(it has no nnspec.json\)$/);
    expect(readFileSync(join(directory, "notes.txt"), "utf8")).toBe("keep me");
  });
});
