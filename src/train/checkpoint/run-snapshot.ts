import { packageVersion } from "../../cli/version.js";
import { MANIFEST_FILE, type CompiledModelManifest } from "../../io/model-directory.js";
import { curvesSvg } from "../curves-svg.js";
import type { HistoryFile } from "../history.js";
import type { PreparedRun } from "../prepare-run.js";
import { modelFiles } from "../../backend/model-files.js";
import { saveOptimizerState } from "./optimizer-state.js";
import type { RunFile } from "./run-directory.js";
import { LAST_DIRECTORY, OPTIMIZER_FILE, STATE_FILE, type TrainingState } from "./training-state.js";
import { readWeights } from "../../backend/weights-snapshot.js";

/** nnspec.json of a trained model: what `nnspec compile` writes, plus how it was trained. */
export interface TrainedModelManifest extends CompiledModelManifest {
  training: {
    /** The epoch these weights are from (null: stopped before the first epoch ended). */
    epoch: number | null;
    logs: Record<string, number>;
    monitor: string;
    /** Each output's class names by ID (empty: numeric labels). */
    classes: { output: string; names: string[] }[];
    data: { train: string; validation: string | null };
  };
}

/** The manifest for weights of `epoch`. */
export function trainedManifest(run: PreparedRun, epoch: number | null): TrainedModelManifest {
  const record = run.history.find((entry) => entry.epoch === epoch);
  return {
    format: "nnspec-model",
    version: 1,
    nnspec: packageVersion(),
    source: run.ir.source,
    seed: run.seed,
    backend: run.backend,
    ir: run.ir,
    training: {
      epoch,
      logs: record?.logs ?? {},
      monitor: run.checkpoint.key,
      classes: run.ir.outputs.map((output, i) => ({ output: output.name, names: run.data.classes[i] ?? [] })),
      data: run.files,
    },
  };
}

/** A model's files at the top of the run directory (model.json, weights, nnspec.json): the weights of `epoch`. */
export function bestModelFiles(run: PreparedRun, epoch: number | null, weights: ReadonlyMap<string, Float32Array>): RunFile[] {
  return [...modelFiles(run.tf, run.ir, run.model, weights), { name: MANIFEST_FILE, data: json(trainedManifest(run, epoch)) }];
}

/** history.json's contents. */
export function historyFile(run: PreparedRun, stoppedEarly: boolean): HistoryFile {
  return {
    format: "nnspec-history",
    version: 1,
    monitor: { key: run.checkpoint.key, mode: run.checkpoint.mode },
    best_epoch: run.best.epoch,
    stopped_early: stoppedEarly,
    epochs: run.history,
  };
}

/**
 * Every file of the run directory as it stands: the best model at the top (the current weights
 * until an epoch has ended), last/ with the current weights and the state to resume from,
 * history.json and curves.svg.
 */
export async function runSnapshot(run: PreparedRun, position: Pick<TrainingState, "epoch" | "batch" | "step" | "partial">, stoppedEarly: boolean): Promise<RunFile[]> {
  // A saved Dropout config must carry the spec's seed, not the one of the last step.
  run.seeds.restore();
  const current = readWeights(run.ir, run.model);
  const optimizer = await saveOptimizerState(run.parts.optimizer);
  const lastEpoch = run.history.at(-1)?.epoch ?? null;
  const state: TrainingState = {
    format: "nnspec-training-state",
    version: 1,
    seed: run.seed,
    backend: run.backend,
    ...position,
    learning_rate: run.scheduler.rateAt(position.step, position.epoch),
    early_stopping: run.earlyStopping?.snapshot() ?? null,
    schedule: run.scheduler.snapshot(),
    best: { epoch: run.best.epoch, value: run.best.value },
    history: run.history,
    classes: run.data.classes,
    optimizer: { name: run.config.optimizer.name, weights: optimizer.specs },
    config: run.config,
    data: run.files,
  };
  const history = historyFile(run, stoppedEarly);
  const prefix = `${LAST_DIRECTORY}/`;
  return [
    // Before the first epoch ends there is no best model yet: the top level has the current weights.
    ...(run.best.files ?? bestModelFiles(run, null, current)),
    ...modelFiles(run.tf, run.ir, run.model, current, prefix),
    { name: `${prefix}${MANIFEST_FILE}`, data: json(trainedManifest(run, lastEpoch)) },
    { name: `${prefix}${STATE_FILE}`, data: json(state) },
    { name: `${prefix}${OPTIMIZER_FILE}`, data: optimizer.data },
    { name: "history.json", data: json(history) },
    { name: "curves.svg", data: curvesSvg(history, `${run.ir.name}: training curves`) },
  ];
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
