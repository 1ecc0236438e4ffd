import type { TrainingConfig } from "../ir/pipeline-types.js";
import { improves, monitor, type Monitor } from "./monitor.js";

export interface EarlyStoppingState {
  best: number | null;
  /** 1-based epoch of the best value. */
  bestEpoch: number | null;
  wait: number;
}

/**
 * Keras's EarlyStopping: after each epoch, the monitored value either improves on the best by
 * more than min_delta (wait resets) or it does not (wait grows); training stops once wait
 * reaches patience. restore_best_weights is the trainer's job: it keeps the best weights.
 */
export class EarlyStopping {
  readonly watch: Monitor;
  private state: EarlyStoppingState;

  constructor(
    readonly config: NonNullable<TrainingConfig["early_stopping"]>,
    saved?: EarlyStoppingState,
  ) {
    this.watch = monitor(config.monitor, config.mode, config.min_delta);
    this.state = saved ? { ...saved } : { best: null, bestEpoch: null, wait: 0 };
  }

  /** Records epoch `epoch` (1-based); true when training should stop. */
  onEpochEnd(epoch: number, logs: Readonly<Record<string, number>>): boolean {
    const value = logs[this.config.monitor]!;
    this.state.wait++;
    if (improves(this.watch, value, this.state.best)) {
      this.state = { best: value, bestEpoch: epoch, wait: 0 };
      return false;
    }
    // Keras never stops after the first epoch.
    return this.state.wait >= this.config.patience && epoch > 1;
  }

  get bestEpoch(): number | null {
    return this.state.bestEpoch;
  }

  snapshot(): EarlyStoppingState {
    return { ...this.state };
  }
}
