import type { HostTensor } from "../../io/host-tensor.js";

/** The smallest, largest and mean value of a tensor (bool as 0/1); NaN for an empty one or one holding NaN. */
export interface Statistics {
  min: number;
  max: number;
  mean: number;
}

export function statistics({ data }: HostTensor): Statistics {
  if (data.length === 0) return { min: Number.NaN, max: Number.NaN, mean: Number.NaN };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    // Math.min/max propagate NaN, unlike comparisons: a NaN output must show.
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
  }
  return { min, max, mean: sum / data.length };
}
