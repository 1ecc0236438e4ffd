import type { TrainingConfig } from "../../ir/pipeline-types.js";
import type { EarlyStoppingState } from "../early-stopping.js";
import type { EpochRecord } from "../history.js";
import type { ScheduleState } from "../lr-schedule.js";
import type { OptimizerWeightSpec } from "./optimizer-state.js";

export const STATE_FILE = "training-state.json";
export const OPTIMIZER_FILE = "optimizer.bin";
/** The subdirectory of a run holding the latest weights and the state to resume from. */
export const LAST_DIRECTORY = "last";

/**
 * last/training-state.json: where a run stands, so that `--resume` continues it exactly:
 * with the same seed, the same epoch order and dropout draws follow (they derive from seed,
 * epoch and step), and the optimizer's slots are in optimizer.bin.
 */
export interface TrainingState {
  format: "nnspec-training-state";
  version: 1;
  seed: number;
  backend: string;
  /** The epoch in progress or next (from 0), the next batch in it, and optimizer steps so far. */
  epoch: number;
  batch: number;
  step: number;
  /** Sums of the epoch in progress, when the run stopped part way through it. */
  partial: { sums: number[]; count: number } | null;
  learning_rate: number;
  early_stopping: EarlyStoppingState | null;
  schedule: ScheduleState;
  best: { epoch: number | null; value: number | null };
  history: EpochRecord[];
  /** Each output's class names by ID (empty: numeric labels). */
  classes: string[][];
  optimizer: { name: TrainingConfig["optimizer"]["name"]; weights: OptimizerWeightSpec[] };
  config: TrainingConfig;
  data: { train: string; validation: string | null };
}

/** Parses training-state.json; a problem in words when it is not one this nnspec wrote. */
export function parseTrainingState(text: string): TrainingState | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: `${STATE_FILE} is not valid JSON` };
  }
  if (typeof value !== "object" || value === null) return { problem: `${STATE_FILE} is not an object` };
  const state = value as Partial<TrainingState>;
  if (state.format !== "nnspec-training-state") return { problem: `${STATE_FILE} is not an nnspec training state` };
  if (state.version !== 1) return { problem: `${STATE_FILE} has version ${JSON.stringify(state.version)}; this nnspec reads version 1` };
  const numbers = [state.seed, state.epoch, state.batch, state.step, state.learning_rate];
  if (numbers.some((n) => typeof n !== "number") || !Array.isArray(state.history) || !Array.isArray(state.classes) || !state.optimizer || !state.config || !state.schedule) {
    return { problem: `${STATE_FILE} lacks some of its fields` };
  }
  return state as TrainingState;
}
