import { performance } from "node:perf_hooks";
import { fileStartSpan } from "../diagnostics/span.js";
import { setImmediate as nextTurn } from "node:timers/promises";
import { batchTensors, disposeBatch } from "./batch-tensors.js";
import { bestModelFiles, runSnapshot } from "./checkpoint/run-snapshot.js";
import { writeRunDirectory } from "./checkpoint/run-directory.js";
import { readWeights } from "../backend/weights-snapshot.js";
import { shuffledRecords } from "./data/shuffle.js";
import { evaluate } from "./evaluate.js";
import type { EpochRecord } from "./history.js";
import { improves } from "./monitor.js";
import { setLearningRate } from "./optimizer.js";
import type { PreparedRun } from "./prepare-run.js";
import { RunningMeans } from "./running-means.js";
import { trainError } from "./train-error.js";
import { trainStep } from "./train-step.js";
import type { TrainEvent, TrainOptions } from "./train-types.js";

export interface EpochsOutcome {
  stoppedEarly: boolean;
  interrupted: boolean;
  /** Optimizer steps taken over the whole run. */
  steps: number;
}

/**
 * The training loop: epochs of shuffled batches, each a training step; after each epoch the
 * validation pass, the best model, early stopping and the plateau schedule, then the run
 * directory is written. Between batches the event loop runs, so an abort (Ctrl-C) is seen
 * after the current batch; the run is then saved where it stands, mid-epoch included.
 */
export async function runEpochs(run: PreparedRun, options: Pick<TrainOptions, "outDir" | "signal" | "onEvent">): Promise<EpochsOutcome> {
  const { tf, config, data, keys } = run;
  const emit = (event: TrainEvent): void => options.onEvent?.(event);
  const batchSize = config.batch_size;
  const batches = Math.ceil(data.train.records.length / batchSize);
  let { epoch, batch: firstBatch, step } = run.position;
  let partial = run.position.partial;

  /** Writes the run; `position` is where to continue from (epoch and batch from 0). */
  const save = async (position: { epoch: number; batch: number }, stoppedEarly: boolean): Promise<void> => {
    if (options.outDir === undefined) return;
    const files = await runSnapshot(run, { ...position, step, partial }, stoppedEarly);
    const problem = await writeRunDirectory(options.outDir, files);
    if (problem) throw trainError("OutputWriteError", `cannot write the run to '${options.outDir}': ${problem}`, fileStartSpan(options.outDir));
    const after = position.batch === 0 ? { epoch: position.epoch, batch: batches } : { epoch: position.epoch + 1, batch: position.batch };
    emit({ type: "saved", directory: options.outDir, ...after });
  };

  for (; epoch < config.epochs; epoch++) {
    const started = performance.now();
    const order = config.shuffle ? shuffledRecords(data.train.records, run.seed, epoch) : data.train.records;
    const means = new RunningMeans(keys.length, partial ?? undefined);
    partial = null;
    for (let batch = firstBatch; batch < batches; batch++) {
      const learningRate = run.scheduler.rateAt(step, epoch);
      setLearningRate(run.parts.optimizer, learningRate);
      run.seeds.beforeStep(step);
      const records = order.subarray(batch * batchSize, (batch + 1) * batchSize);
      const tensors = batchTensors(tf, data.train.dataset.readBatch(records));
      let values: number[];
      try {
        values = trainStep(run.parts, tensors);
      } finally {
        disposeBatch(tf, tensors);
      }
      if (!Number.isFinite(values[0])) {
        throw trainError(
          "LossNotFinite",
          `the loss became ${values[0]} at epoch ${epoch + 1}, batch ${batch + 1} (learning rate ${learningRate}): lower the learning rate, or set clipnorm`,
          run.ir.outputs[0]!.span,
        );
      }
      means.add(values, records.length);
      step++;
      const running = means.means();
      const logs = Object.fromEntries(keys.map((key, i) => [key, running[i]!]));
      emit({ type: "batch", epoch: epoch + 1, batch: batch + 1, batches, examples: means.examples, logs, seconds: (performance.now() - started) / 1000 });
      await nextTurn();
      if (options.signal?.aborted && batch + 1 < batches) {
        partial = means.snapshot();
        await save({ epoch, batch: batch + 1 }, false);
        emit({ type: "interrupted", epoch: epoch + 1, batch: batch + 1, batches });
        return { stoppedEarly: false, interrupted: true, steps: step };
      }
    }
    firstBatch = 0;

    const epochMeans = means.means();
    const logs: Record<string, number> = Object.fromEntries(keys.map((key, i) => [key, epochMeans[i]!]));
    if (data.validation) {
      const values = evaluate(run.parts, data.validation, batchSize);
      keys.forEach((key, i) => (logs[`val_${key}`] = values[i]!));
    }
    const record: EpochRecord = { epoch: epoch + 1, logs, learning_rate: run.scheduler.rateAt(Math.max(0, step - 1), epoch), seconds: (performance.now() - started) / 1000 };
    run.history.push(record);
    const best = improves(run.checkpoint, logs[run.checkpoint.key]!, run.best.value);
    if (best) {
      run.seeds.restore();
      const weights = readWeights(run.ir, run.model);
      run.best = { epoch: epoch + 1, value: logs[run.checkpoint.key]!, weights, files: bestModelFiles(run, epoch + 1, weights) };
    }
    emit({ type: "epoch", epoch: epoch + 1, epochs: config.epochs, record, best });
    const stop = run.earlyStopping?.onEpochEnd(epoch + 1, logs) ?? false;
    const reduced = run.scheduler.onEpochEnd(logs);
    if (reduced !== undefined) emit({ type: "learning_rate", epoch: epoch + 1, learningRate: reduced });
    await save({ epoch: epoch + 1, batch: 0 }, stop);
    if (stop) {
      emit({ type: "early_stop", epoch: epoch + 1, bestEpoch: run.earlyStopping!.bestEpoch, monitor: run.earlyStopping!.config.monitor });
      return { stoppedEarly: true, interrupted: false, steps: step };
    }
    if (options.signal?.aborted && epoch + 1 < config.epochs) {
      emit({ type: "interrupted", epoch: epoch + 1, batch: batches, batches });
      return { stoppedEarly: false, interrupted: true, steps: step };
    }
  }
  return { stoppedEarly: false, interrupted: false, steps: step };
}
