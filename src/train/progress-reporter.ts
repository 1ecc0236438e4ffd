import { epochSummary, fitLine, formatDuration, formatLogs, progressBar, type BarState } from "./progress-text.js";
import type { TrainEvent } from "./train-types.js";

export interface ReporterOptions {
  /** Where progress goes (the CLI passes stderr). */
  write(text: string): void;
  /** A terminal gets a bar redrawn in place; anything else gets one line per epoch. */
  tty: boolean;
  /** Width of the terminal, to keep the bar on one line. */
  columns: number;
  /** Milliseconds, for throttling redraws; injectable for tests. */
  now?: () => number;
}

/** Redraws of the bar are at most this often (plus the last batch of each epoch). */
const REDRAW_MS = 100;

/**
 * Turns training events into text for people: on a terminal, a bar per epoch redrawn with
 * carriage returns (batches, running loss and metrics, speed, time left), finished by the
 * epoch's summary line; elsewhere, only the summary lines. Start, early stopping, learning
 * rate changes and interruption each get a line.
 */
export function createProgressReporter(options: ReporterOptions): (event: TrainEvent) => void {
  const now = options.now ?? (() => performance.now());
  let keys: string[] = [];
  let epochs = 0;
  let lastDraw = -Infinity;
  let barShown = false;
  const clearBar = (): void => {
    if (barShown) options.write("\r\x1b[K");
    barShown = false;
  };
  const line = (text: string): void => {
    clearBar();
    options.write(`${text}\n`);
  };
  return (event) => {
    switch (event.type) {
      case "start": {
        keys = event.keys;
        epochs = event.epochs;
        const validation = event.examples.validation > 0 ? `, ${event.examples.validation} for validation` : "";
        const resumed = event.epoch > 1 || event.batch > 1 ? `, resuming at epoch ${event.epoch} batch ${event.batch}` : "";
        line(
          `training on ${event.backend}: ${event.examples.train} training examples${validation}, ${event.batchesPerEpoch} batches per epoch, ` +
            `${event.params.toLocaleString("en-US")} parameters, seed ${event.seed}${resumed}`,
        );
        break;
      }
      case "batch": {
        if (!options.tty) break;
        const last = event.batch === event.batches;
        if (!last && now() - lastDraw < REDRAW_MS) break;
        lastDraw = now();
        const state: BarState = { ...event, epochs };
        options.write(`\r${fitLine(progressBar(state, keys), options.columns)}\x1b[K`);
        barShown = true;
        break;
      }
      case "epoch":
        line(epochSummary(event.epoch, event.epochs, event.record.logs, keys, event.record.seconds, event.best));
        break;
      case "learning_rate":
        line(`learning rate reduced to ${event.learningRate.toPrecision(3)} after epoch ${event.epoch}`);
        break;
      case "early_stop":
        line(`stopped early after epoch ${event.epoch}: ${event.monitor} has not improved since epoch ${event.bestEpoch ?? "?"}`);
        break;
      case "interrupted":
        line(`interrupted after epoch ${event.epoch}, batch ${event.batch} of ${event.batches}: saved; continue with --resume`);
        break;
      case "saved":
        break;
      case "end":
        clearBar();
        break;
    }
  };
}

/** The closing lines: the best epoch with its values, and what was written. */
export function resultLines(result: { bestEpoch: number | null; monitor: string; history: { epoch: number; logs: Record<string, number>; seconds: number }[] }, keys: readonly string[]): string[] {
  const best = result.history.find((record) => record.epoch === result.bestEpoch);
  const total = result.history.reduce((sum, record) => sum + record.seconds, 0);
  if (!best) return [`no epoch completed (${formatDuration(total)})`];
  const all = [...keys, ...keys.map((key) => `val_${key}`)];
  return [`best epoch ${best.epoch} by ${result.monitor}: ${formatLogs(best.logs, all)}`, `trained ${result.history.length} epochs in ${formatDuration(total)}`];
}
