import { describe, expect, it } from "vitest";
import { fileStartSpan, type Span } from "../../src/diagnostics/span.js";
import type { TrainingConfig } from "../../src/ir/pipeline-types.js";
import { checkTrainingConfig } from "../../src/train/check-config.js";
import { defaultEarlyStopping, defaultTrainingConfig } from "../../src/ir/settings/training-defaults.js";
import { TrainError } from "../../src/train/train-error.js";

const fallback = fileStartSpan("m.nnspec");

function problems(change: Partial<TrainingConfig>, keys = ["loss", "accuracy"], spans = new Map<string, Span>()): string[] {
  try {
    checkTrainingConfig({ ...defaultTrainingConfig(), ...change }, keys, spans, fallback);
  } catch (error) {
    if (error instanceof TrainError) return error.diagnostics.map((d) => `${d.span.start.line} ${d.code} ${d.message}`);
    throw error;
  }
  return [];
}

describe("training settings", () => {
  it("has Keras's defaults", () => {
    expect(defaultTrainingConfig()).toMatchObject({
      optimizer: { name: "rmsprop", learning_rate: 0.001, rho: 0.9 },
      epochs: 1,
      batch_size: 32,
      shuffle: true,
      validation_split: null,
    });
    expect(problems({})).toEqual([]);
  });

  it("reports every setting out of range at once, at the setting when the spec says where", () => {
    const at = new Map([["epochs", { ...fallback, start: { offset: 40, line: 4, column: 14 } }]]);
    expect(problems({ epochs: 0, batch_size: 2.5, validation_split: 1, clipnorm: 1, clipvalue: 0.5 }, undefined, at)).toEqual([
      "4 NN6045 epochs must be an integer of at least 1, found 0",
      "1 NN6045 batch_size must be an integer of at least 1, found 2.5",
      "1 NN6045 validation_split must be between 0 and 1 (exclusive), found 1",
      "1 NN6045 set clipnorm or clipvalue, not both (as in Keras)",
    ]);
  });

  it("needs the monitored values to be logged", () => {
    expect(problems({ early_stopping: defaultEarlyStopping() })).toEqual([
      "1 NN6045 early_stopping monitors 'val_loss', but there is no validation data (set validation_split, validation_file or --val)",
    ]);
    expect(problems({ early_stopping: { ...defaultEarlyStopping(), monitor: "val_acuracy" } }, ["loss", "accuracy", "val_loss", "val_accuracy"])).toEqual([
      "1 NN6045 early_stopping monitors 'val_acuracy', but no epoch logs it (logged: loss, accuracy, val_loss, val_accuracy); did you mean 'val_accuracy'?",
    ]);
  });
});
