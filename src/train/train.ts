import type { TrainingConfig } from "../ir/pipeline-types.js";
import type { ModelIR } from "../ir/types.js";
import { writeWeights } from "../backend/weights-snapshot.js";
import { prepareRun } from "./prepare-run.js";
import { runEpochs } from "./run-epochs.js";
import type { TrainData, TrainOptions, TrainResult } from "./train-types.js";

/**
 * Trains a model on data files, Keras-style: `config` is the spec's `train { … }` (see
 * defaultTrainingConfig). The same seed, data and backend give the same weights. Problems
 * found before training (a loss that does not fit an output, bad labels, unreadable data)
 * throw a TrainError with diagnostics; nothing is trained or written then. With `outDir`,
 * the run directory is rewritten after every epoch; with `resume`, a saved run continues.
 * The caller owns the returned model (dispose it).
 */
export async function train(ir: ModelIR, data: TrainData, config: TrainingConfig, options: TrainOptions = {}): Promise<TrainResult> {
  const run = await prepareRun(ir, data, config, options);
  const emit = options.onEvent ?? (() => undefined);
  try {
    emit({
      type: "start",
      epochs: config.epochs,
      epoch: run.position.epoch + 1,
      batch: run.position.batch + 1,
      batchesPerEpoch: Math.ceil(run.data.train.records.length / config.batch_size),
      examples: { train: run.data.train.records.length, validation: run.data.validation?.records.length ?? 0 },
      backend: run.backend,
      seed: run.seed,
      params: run.model.countParams(),
      classes: run.data.classes,
      keys: run.keys,
    });
    const outcome = await runEpochs(run, options);
    run.seeds.restore();
    // Keras restores the best weights at the end of training, whether or not it stopped early.
    if (config.early_stopping?.restore_best_weights && run.best.weights) writeWeights(run.tf, ir, run.model, run.best.weights);
    const { stoppedEarly, interrupted, steps } = outcome;
    emit({ type: "end", epochs: run.history.length, bestEpoch: run.best.epoch, monitor: run.checkpoint.key, stoppedEarly, interrupted });
    return {
      model: run.model,
      history: run.history,
      bestEpoch: run.best.epoch,
      monitor: run.checkpoint.key,
      stoppedEarly,
      interrupted,
      classes: run.data.classes,
      seed: run.seed,
      backend: run.backend,
      steps,
    };
  } catch (error) {
    run.model.dispose();
    throw error;
  } finally {
    run.dispose();
  }
}
