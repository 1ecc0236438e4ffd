/**
 * Training progress as text for people: a Keras-like bar per epoch for terminals, and plain
 * lines for logs. Pure formatting; the command decides where and when to write.
 */

const BAR_WIDTH = 20;

/** "loss 0.4123  accuracy 0.8512": the values in key order, 4 significant digits. */
export function formatLogs(logs: Readonly<Record<string, number>>, keys: readonly string[]): string {
  return keys
    .filter((key) => logs[key] !== undefined)
    .map((key) => `${key} ${formatValue(logs[key]!)}`)
    .join("  ");
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  return magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3) ? value.toExponential(3) : value.toFixed(4);
}

/** "0:07", "12:03", "1:02:03". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

/** "0.4 s", "12.3 s", then "1:02" from a minute on: an epoch's duration. */
export function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(1)} s` : formatDuration(seconds);
}

/** "Epoch 3/20" */
export function epochLabel(epoch: number, epochs: number): string {
  return `Epoch ${epoch}/${epochs}`;
}

export interface BarState {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  examples: number;
  seconds: number;
  logs: Readonly<Record<string, number>>;
}

/** `Epoch 3/20 [=========>..........] 120/250  loss 0.4123  1,204 ex/s  ETA 0:07` */
export function progressBar(state: BarState, keys: readonly string[]): string {
  const done = Math.min(BAR_WIDTH, Math.floor((state.batch / state.batches) * BAR_WIDTH));
  const bar = state.batch >= state.batches ? "=".repeat(BAR_WIDTH) : `${"=".repeat(done)}>${".".repeat(BAR_WIDTH - done - 1)}`;
  const counter = `${String(state.batch).padStart(String(state.batches).length)}/${state.batches}`;
  const speed = state.seconds > 0 ? `${Math.round(state.examples / state.seconds).toLocaleString("en-US")} ex/s` : "";
  const left = state.batch > 0 ? (state.seconds / state.batch) * (state.batches - state.batch) : NaN;
  const eta = Number.isFinite(left) ? `ETA ${formatDuration(left)}` : "";
  return [`${epochLabel(state.epoch, state.epochs)} [${bar}] ${counter}`, formatLogs(state.logs, keys), speed, eta].filter((part) => part !== "").join("  ");
}

/** The line an epoch ends with: its logs (validation included), the time it took, and whether it is the best so far. */
export function epochSummary(epoch: number, epochs: number, logs: Readonly<Record<string, number>>, keys: readonly string[], seconds: number, best: boolean): string {
  const all = [...keys, ...keys.map((key) => `val_${key}`)];
  return `${epochLabel(epoch, epochs)}  ${formatLogs(logs, all)}  (${formatSeconds(seconds)})${best ? "  *best*" : ""}`;
}

/** Cuts a line to fit `columns` so that a carriage return still reaches its start. */
export function fitLine(line: string, columns: number): string {
  return line.length < columns ? line : `${line.slice(0, Math.max(0, columns - 2))}…`;
}
