import { fillNormal, fillTruncatedNormal, fillUniform } from "./distributions.js";
import { computeFans } from "./fans.js";
import type { RandomStream } from "./random-stream.js";
import { elementCount } from "./element-count.js";

export type FanMode = "fan_in" | "fan_out" | "fan_avg";
export type ScalingDistribution = "truncated_normal" | "untruncated_normal" | "uniform";

export interface VarianceScalingOptions {
  scale: number;
  mode: FanMode;
  distribution: ScalingDistribution;
}

/** Keras's stddev of a standard normal truncated to [-2, 2], to undo the truncation's shrinkage. */
const TRUNCATED_STDDEV = 0.87962566103423978;

/**
 * Keras's VarianceScaling, the family behind glorot_*, he_* and lecun_*: variance
 * scale / fan, drawn from a truncated normal, a normal, or a uniform of the same variance.
 */
export function varianceScaling(
  shape: readonly number[],
  stream: RandomStream,
  { scale, mode, distribution }: VarianceScalingOptions,
): Float32Array {
  const { fanIn, fanOut } = computeFans(shape);
  const fan = mode === "fan_in" ? fanIn : mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
  const variance = scale / Math.max(1, fan);
  const out = new Float32Array(elementCount(shape));
  switch (distribution) {
    case "truncated_normal":
      return fillTruncatedNormal(out, stream, 0, Math.sqrt(variance) / TRUNCATED_STDDEV);
    case "untruncated_normal":
      return fillNormal(out, stream, 0, Math.sqrt(variance));
    case "uniform": {
      const limit = Math.sqrt(3 * variance);
      return fillUniform(out, stream, -limit, limit);
    }
  }
}
