import { randomInt } from "node:crypto";
import { dirname, isAbsolute, resolve } from "node:path";
import type { LayersModel } from "@tensorflow/tfjs";
import { initBackend, type BackendName, type Tf } from "../backend/backend.js";
import { buildModel } from "../backend/build.js";
import { registerKernels } from "../backend/kernels/index.js";
import { fileStartSpan } from "../diagnostics/span.js";
import type { TrainingConfig } from "../ir/pipeline-types.js";
import type { ModelIR } from "../ir/types.js";
import { checkTrainingConfig } from "./check-config.js";
import { restoreOptimizerState } from "./checkpoint/optimizer-state.js";
import { readSavedRun, type SavedRun } from "./checkpoint/read-run.js";
import { runDirectoryRefusal, type RunFile } from "./checkpoint/run-directory.js";
import { loadTrainingData, type TrainingData } from "./data/training-data.js";
import { seedStochasticLayers, type StochasticSeeds } from "./dropout-seeds.js";
import { EarlyStopping } from "./early-stopping.js";
import type { EpochRecord } from "./history.js";
import { lossFunctions } from "./loss-functions.js";
import { resolveLosses } from "./loss-fit.js";
import { LearningRateScheduler } from "./lr-schedule.js";
import { metricFunction } from "./metric-functions.js";
import { resolveMetrics, trainingKeys } from "./metrics.js";
import { monitor, type Monitor } from "./monitor.js";
import { createOptimizer } from "./optimizer.js";
import { regularizedWeights } from "./regularization.js";
import { trainError } from "./train-error.js";
import type { StepParts } from "./train-step.js";
import type { TrainData, TrainOptions } from "./train-types.js";

/** A run ready to train: data checked, model built, optimizer and callbacks in their starting (or resumed) state. */
export interface PreparedRun {
  tf: Tf;
  backend: BackendName;
  seed: number;
  ir: ModelIR;
  config: TrainingConfig;
  model: LayersModel;
  data: TrainingData;
  parts: StepParts;
  keys: string[];
  checkpoint: Monitor;
  earlyStopping: EarlyStopping | null;
  scheduler: LearningRateScheduler;
  seeds: StochasticSeeds;
  position: { epoch: number; batch: number; step: number; partial: { sums: number[]; count: number } | null };
  history: EpochRecord[];
  best: { epoch: number | null; value: number | null; weights?: Map<string, Float32Array>; files?: RunFile[] };
  files: { train: string; validation: string | null };
  dispose(): void;
}

/**
 * Everything before the first step, in the order that fails fastest: settings and losses
 * against the model, then the output directory, the data (read once, checked), and only then
 * TensorFlow.js, the model and the optimizer. Every problem is a TrainError with diagnostics.
 */
export async function prepareRun(ir: ModelIR, data: TrainData, config: TrainingConfig, options: TrainOptions): Promise<PreparedRun> {
  const spans = options.settingSpans ?? new Map();
  const fallback = fileStartSpan(ir.source.file);
  const losses = resolveLosses(ir, config.loss, spans.get("loss"));
  const metricSpecs = resolveMetrics(ir, losses, config.metrics, spans.get("metrics") ?? fallback);
  const validationFile = data.validation ?? (config.validation_file === null ? null : specRelative(ir, config.validation_file));
  const hasValidation = validationFile !== null || config.validation_split !== null;
  const keys = trainingKeys(ir, metricSpecs);
  checkTrainingConfig(config, hasValidation ? [...keys, ...keys.map((key) => `val_${key}`)] : keys, spans, fallback);
  if (!ir.layers.some((layer) => layer.weights.some((weight) => weight.trainable))) {
    throw trainError("NoTrainableWeights", `model '${ir.name}' has no trainable weights: there is nothing to train`, ir.outputs[0]?.span ?? fallback);
  }
  if (options.outDir !== undefined) {
    const refusal = await runDirectoryRefusal(options.outDir, [ir.source.file, data.train, ...(validationFile ? [validationFile] : [])]);
    if (refusal) throw trainError("OutputExists", `will not write the run to '${options.outDir}': ${refusal}`, fileStartSpan(options.outDir));
  }

  const saved = options.resume === undefined ? undefined : await savedRun(options.resume, config, options.seed, fallback);
  const seed = saved?.state.seed ?? options.seed ?? randomInt(2 ** 31);
  const trainingData = await loadTrainingData(ir, losses, {
    train: data.train,
    ...(validationFile ? { validation: validationFile } : {}),
    validationSplit: config.validation_split,
    ...(saved ? { classes: saved.state.classes } : {}),
  });
  try {
    const { tf, name: backend } = await initBackend(options.backend ?? "auto");
    // Embedding's gradient needs UnsortedSegmentSum, which the wasm backend lacks.
    registerKernels(tf);
    const { model } = await buildModel(ir, saved ? { backend, weights: saved.weights } : { backend, seed });
    const { optimizer, weightDecay } = createOptimizer(tf, config.optimizer, spans.get("optimizer") ?? fallback);
    if (saved) {
      const problem = await restoreOptimizerState(tf, optimizer, saved.state.optimizer.weights, saved.optimizer);
      if (problem) throw trainError("InvalidResumeState", `cannot resume from '${options.resume}': ${problem}`, fallback);
    }
    const parts: StepParts = {
      tf,
      model,
      losses: lossFunctions(model, losses, optimizer),
      metrics: metricSpecs.map((spec) => ({ spec, fn: metricFunction(tf, spec.kind) })),
      regularized: regularizedWeights(ir, model),
      optimizer,
      weightDecay,
      clipping: { clipnorm: config.clipnorm, clipvalue: config.clipvalue },
    };
    const stopping = config.early_stopping;
    const checkpoint = stopping
      ? monitor(stopping.monitor, stopping.mode, stopping.min_delta)
      : monitor(trainingData.validation ? "val_loss" : "loss");
    const state = saved?.state;
    return {
      tf,
      backend,
      seed,
      ir,
      config,
      model,
      data: trainingData,
      parts,
      keys,
      checkpoint,
      earlyStopping: stopping ? new EarlyStopping(stopping, state?.early_stopping ?? undefined) : null,
      scheduler: new LearningRateScheduler(config.lr_schedule, config.optimizer.learning_rate, state?.schedule),
      seeds: seedStochasticLayers(tf, model, seed),
      position: state ? { epoch: state.epoch, batch: state.batch, step: state.step, partial: state.partial } : { epoch: 0, batch: 0, step: 0, partial: null },
      history: state ? [...state.history] : [],
      best: state ? { ...state.best, ...(saved.best ?? {}) } : { epoch: null, value: null },
      files: { train: data.train, validation: validationFile },
      dispose() {
        trainingData.close();
        optimizer.dispose();
      },
    };
  } catch (error) {
    trainingData.close();
    throw error;
  }
}

/** A validation_file in the spec is relative to the spec, like a vocabulary. */
function specRelative(ir: ModelIR, file: string): string {
  return isAbsolute(file) ? file : resolve(dirname(ir.source.file), file);
}

async function savedRun(directory: string, config: TrainingConfig, seed: number | undefined, span: ReturnType<typeof fileStartSpan>): Promise<SavedRun> {
  const saved = await readSavedRun(directory);
  if ("problem" in saved) throw trainError("InvalidResumeState", `cannot resume from '${directory}': ${saved.problem}`, span);
  const { state } = saved;
  if (state.optimizer.name !== config.optimizer.name) {
    throw trainError("InvalidResumeState", `cannot resume from '${directory}': it was trained with ${state.optimizer.name}, the spec now says ${config.optimizer.name}`, span);
  }
  if (seed !== undefined && seed !== state.seed) {
    throw trainError("InvalidResumeState", `cannot resume from '${directory}' with seed ${seed}: the run was seeded with ${state.seed}`, span);
  }
  return saved;
}
