/** Axis ticks at "nice" steps (1, 2 or 5 times a power of ten) covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): { ticks: number[]; min: number; max: number } {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { ticks: [0, 1], min: 0, max: 1 };
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    [low, high] = [low - pad, high + pad];
  }
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough)!;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = min; value <= max + step / 2; value += step) ticks.push(Number(value.toPrecision(12)));
  return { ticks, min, max };
}

/** Integer ticks for epochs 1…last, at most about `count` of them. */
export function epochTicks(last: number, count = 8): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find((candidate) => last / candidate <= count) ?? Math.ceil(last / count);
  const ticks = [1];
  for (let epoch = step; epoch <= last; epoch += step) if (epoch !== 1) ticks.push(epoch);
  return ticks;
}

/** A tick label: short, without float noise ("0.25", "1e-4", "1,200"). */
export function tickLabel(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(0).replace("e+", "e");
  if (magnitude >= 1000) return Math.round(value).toLocaleString("en-US");
  return String(Number(value.toPrecision(3)));
}
