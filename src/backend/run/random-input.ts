import type { HostTensor } from "../../io/host-tensor.js";
import { sizeOf } from "../../io/host-tensor.js";
import type { IRInput } from "../../ir/types.js";
import { RandomStream } from "../init/random-stream.js";
import type { Vocabulary } from "./input-vocabulary.js";

/** Token IDs for an input that feeds no Embedding are drawn from [0, this). */
export const DEFAULT_ID_RANGE = 100;

/**
 * Seeded random data that the input accepts: token IDs uniform in [0, input_dim) of the
 * Embedding the input feeds (else [0, DEFAULT_ID_RANGE)), floats uniform in [-1, 1), bools
 * fair coin flips. Each input draws from its own stream of (seed, input name).
 */
export function randomInput(input: IRInput, shape: number[], seed: number, vocabulary: Vocabulary | undefined): HostTensor {
  const stream = new RandomStream(JSON.stringify([seed, "input", input.name]));
  const count = sizeOf(shape);
  switch (input.dtype) {
    case "int32": {
      const range = vocabulary?.inputDim ?? DEFAULT_ID_RANGE;
      return { dtype: "int32", data: Int32Array.from({ length: count }, () => Math.floor(stream.nextDouble() * range)), shape };
    }
    case "bool":
      return { dtype: "bool", data: Uint8Array.from({ length: count }, () => stream.nextUint32() & 1), shape };
    case "float32":
      return { dtype: "float32", data: Float32Array.from({ length: count }, () => uniformFloat32(stream)), shape };
  }
}

/** The largest float32 below 1. */
const BELOW_ONE = 1 - 2 ** -24;

/** Uniform in [-1, 1) after rounding to float32, which could otherwise round up to 1. */
function uniformFloat32(stream: RandomStream): number {
  return Math.min(Math.fround(2 * stream.nextDouble() - 1), BELOW_ONE);
}
