import { randomInt } from "node:crypto";

import { seededRandom, type Random } from "../support/seeded-random.js";

export { seededRandom, type Random };

/**
 * The seed of this test run: fresh each run, or NNSPEC_TEST_SEED to repeat one. Tests put it
 * in their failure messages.
 */
export const RUN_SEED = process.env.NNSPEC_TEST_SEED ? Number(process.env.NNSPEC_TEST_SEED) : randomInt(2 ** 31);

export function uniform(random: Random, length: number, low: number, high: number): Float32Array {
  return Float32Array.from({ length }, () => low + (high - low) * random());
}
