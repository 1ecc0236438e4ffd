/** One epoch of a run: its number (from 1), every history key's value, the learning rate and the time taken. */
export interface EpochRecord {
  epoch: number;
  /** "loss", "accuracy", "val_loss", …, as in Keras's History. */
  logs: Record<string, number>;
  learning_rate: number;
  seconds: number;
}

/** history.json: the run's epochs and which one was best. */
export interface HistoryFile {
  format: "nnspec-history";
  version: 1;
  /** The value that picked the best model, and whether lower or higher is better. */
  monitor: { key: string; mode: "min" | "max" };
  /** The epoch whose weights are the saved best model (null before the first epoch ends). */
  best_epoch: number | null;
  stopped_early: boolean;
  epochs: EpochRecord[];
}

/** The values of one history key over the epochs (NaN where an epoch lacks it). */
export function series(epochs: readonly EpochRecord[], key: string): number[] {
  return epochs.map((record) => record.logs[key] ?? NaN);
}
