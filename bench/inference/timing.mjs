import { performance } from "node:perf_hooks";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times several competitors on the same work, interleaved (one run of each in turn), so that
 * load from other processes on a shared machine falls on all of them alike. Each runs
 * `warmup` times untimed, then until it has `maxRuns` runs or the budget is spent, but at
 * least `minRuns`. Returns each competitor's times in ms.
 * @param {Record<string, () => Promise<unknown>>} competitors
 */
export async function measure(competitors, { warmup = 2, minRuns = 5, maxRuns = 30, budgetMs = 20_000 } = {}) {
  const names = Object.keys(competitors);
  for (const name of names) for (let i = 0; i < warmup; i++) await competitors[name]();
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const start = performance.now();
  for (let run = 0; run < maxRuns; run++) {
    if (run >= minRuns && performance.now() - start > budgetMs) break;
    for (const name of names) {
      const begin = performance.now();
      await competitors[name]();
      times[name].push(performance.now() - begin);
    }
  }
  return times;
}
