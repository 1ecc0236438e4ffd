import type { RandomStream } from "./random-stream.js";

/** Fills `out` with uniform values in [min, max). */
export function fillUniform(out: Float32Array, stream: RandomStream, min: number, max: number): Float32Array {
  const width = max - min;
  for (let i = 0; i < out.length; i++) out[i] = min + width * stream.nextDouble();
  return out;
}

/** Fills `out` with normal values. */
export function fillNormal(out: Float32Array, stream: RandomStream, mean: number, stddev: number): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = mean + stddev * stream.nextNormal();
  return out;
}

/**
 * Fills `out` with normal values, redrawing any more than two standard deviations from the
 * mean, as TensorFlow's truncated_normal does (so the spread is 0.8796 of `stddev`).
 */
export function fillTruncatedNormal(
  out: Float32Array,
  stream: RandomStream,
  mean: number,
  stddev: number,
): Float32Array {
  for (let i = 0; i < out.length; i++) {
    let z: number;
    do z = stream.nextNormal();
    while (z < -2 || z > 2);
    out[i] = mean + stddev * z;
  }
  return out;
}
