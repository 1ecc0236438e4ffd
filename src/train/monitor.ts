import { higherIsBetter } from "./metrics.js";

/** How a monitored history value improves, as Keras's callbacks decide it. */
export interface Monitor {
  key: string;
  /** "max" for accuracy-like keys, else "min" (Keras's mode "auto"). */
  mode: "min" | "max";
  /** An improvement must beat the best by more than this. */
  minDelta: number;
}

export function monitor(key: string, mode: "min" | "max" | "auto" = "auto", minDelta = 0): Monitor {
  return { key, mode: mode === "auto" ? (higherIsBetter(key) ? "max" : "min") : mode, minDelta: Math.abs(minDelta) };
}

/** Whether `value` improves on `best` (null: nothing seen yet, so any finite value does). */
export function improves(watch: Monitor, value: number, best: number | null): boolean {
  if (!Number.isFinite(value)) return false;
  if (best === null) return true;
  return watch.mode === "min" ? value < best - watch.minDelta : value > best + watch.minDelta;
}
