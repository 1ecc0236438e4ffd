import type { LayersModel } from "@tensorflow/tfjs";
import type { BackendChoice, BackendName } from "../backend/backend.js";
import type { SettingSpans } from "./check-config.js";
import type { EpochRecord } from "./history.js";

/** Where the examples are: JSON lines or CSV files (see docs/training.md for the columns). */
export interface TrainData {
  train: string;
  /** Validation examples; overrides the config's validation_file and validation_split. */
  validation?: string;
}

export interface TrainOptions {
  /** Seeds the initial weights, the shuffling and dropout. Random when absent (and reported). */
  seed?: number;
  /** Default "auto". */
  backend?: BackendChoice;
  /** The run directory to write after every epoch (and when stopped): best model, last/, history.json, curves.svg. */
  outDir?: string;
  /** A run directory to continue from its last/ state. */
  resume?: string;
  /** Stops training after the current batch; what was trained is saved. */
  signal?: AbortSignal;
  onEvent?: (event: TrainEvent) => void;
  /** Where the spec's `train { … }` sets each setting, for diagnostics. */
  settingSpans?: SettingSpans;
  /** Files the run directory must never replace (the spec, the data). */
  protectedFiles?: readonly string[];
}

/** What training reports as it goes; epochs and batches count from 1. */
export type TrainEvent =
  | {
      type: "start";
      epochs: number;
      /** The epoch and batch the run starts at (after --resume, past 1). */
      epoch: number;
      batch: number;
      batchesPerEpoch: number;
      examples: { train: number; validation: number };
      backend: BackendName;
      seed: number;
      params: number;
      /** Each output's class names by ID (empty: numeric labels). */
      classes: string[][];
      keys: string[];
    }
  | { type: "batch"; epoch: number; batch: number; batches: number; examples: number; logs: Record<string, number>; seconds: number }
  | { type: "epoch"; epoch: number; epochs: number; record: EpochRecord; best: boolean }
  | { type: "learning_rate"; epoch: number; learningRate: number }
  | { type: "early_stop"; epoch: number; bestEpoch: number | null; monitor: string }
  /** Written after `batch` of `epoch` (the last batch when an epoch ended). */
  | { type: "saved"; directory: string; epoch: number; batch: number }
  /** Stopped after `batch` of `epoch`, out of `batches`. */
  | { type: "interrupted"; epoch: number; batch: number; batches: number }
  | { type: "end"; epochs: number; bestEpoch: number | null; monitor: string; stoppedEarly: boolean; interrupted: boolean };

export interface TrainResult {
  /** The trained model: the best epoch's weights when early stopping restores them, else the last. */
  model: LayersModel;
  history: EpochRecord[];
  /** The epoch whose weights are the best model, by `monitor`. */
  bestEpoch: number | null;
  monitor: string;
  stoppedEarly: boolean;
  interrupted: boolean;
  /** Each output's class names by ID. */
  classes: string[][];
  seed: number;
  backend: BackendName;
  /** Optimizer steps taken over the whole run (resumed runs included). */
  steps: number;
}
