import { randomInt } from "node:crypto";

/** A seeded generator (mulberry32): uniform floats in [0, 1). */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of this test run: fresh each run, or NNSPEC_TEST_SEED to repeat one. Tests put it
 * in their failure messages.
 */
export const RUN_SEED = process.env.NNSPEC_TEST_SEED ? Number(process.env.NNSPEC_TEST_SEED) : randomInt(2 ** 31);

export function uniform(random: Random, length: number, low: number, high: number): Float32Array {
  return Float32Array.from({ length }, () => low + (high - low) * random());
}
