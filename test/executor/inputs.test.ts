import { describe, expect, it } from "vitest";
import { BackendError } from "../../src/backend/errors.js";
import { createExecutor, unsupportedLayers } from "../../src/executor/index.js";
import type { Executor } from "../../src/executor/types.js";
import { seedIR } from "../backend/seed-specs.js";
import { randomWeights } from "./model-data.js";
import { seededRandom } from "./random.js";
import { specIR } from "./same-as-layers.js";

const ids = (shape: number[], value = (i: number) => i % 7) => ({ data: Int32Array.from({ length: shape[0]! * shape[1]! }, (_, i) => value(i)), shape });

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

describe("inputs are checked against the IR", () => {
  const ir = seedIR("attention.nnspec");
  const executors = (["wasm-simd", "js"] as const).map((kernel) => async () => createExecutor(ir, randomWeights(ir, seededRandom(1)), { kernel }));
  const each = async (test: (executor: Executor) => Promise<void>) => {
    for (const make of executors) {
      const executor = await make();
      try {
        await test(executor);
      } finally {
        await executor.dispose();
      }
    }
  };

  it("names: unknown (NN6010) and missing inputs", async () => {
    await each(async (executor) => {
      const unknown = await rejection(executor.predict({ sentence1: ids([2, 20]), sentence2: ids([2, 30]), sentence3: ids([2, 30]) }));
      expect(unknown.code).toBe("UnknownInputName");
      expect(unknown.message).toContain("sentence3");
      const missing = await rejection(executor.predict({ sentence1: ids([2, 20]) }));
      expect(missing.code).toBe("InputShapeMismatch");
      expect(missing.message).toContain("'sentence2' is missing");
    });
  });

  it("shapes: numeric dims, one size per symbol across inputs, and the data's length (NN6003)", async () => {
    await each(async (executor) => {
      const length = await rejection(executor.predict({ sentence1: ids([2, 21]), sentence2: ids([2, 30]) }));
      expect(length.message).toContain("axis 1 must be 20");
      const batch = await rejection(executor.predict({ sentence1: ids([2, 20]), sentence2: ids([3, 30]) }));
      expect(batch.code).toBe("InputShapeMismatch");
      expect(batch.message).toContain("which is 2 in input 'sentence1'");
      const data = await rejection(executor.predict({ sentence1: { data: new Int32Array(39), shape: [2, 20] }, sentence2: ids([2, 30]) }));
      expect(data.message).toContain("39 values");
    });
  });

  it("token IDs outside the vocabulary are reported with their position (NN6005), through folded tables too", async () => {
    await each(async (executor) => {
      for (const bad of [1000, -1]) {
        const error = await rejection(executor.predict({ sentence1: ids([2, 20]), sentence2: ids([2, 30], (i) => (i === 37 ? bad : 3)) }));
        expect(error.code).toBe("TokenOutOfVocabulary");
        expect(error.message).toContain(`token ID ${bad} at [1, 7] of 'sentence2'`);
      }
      // The executor is still usable after a rejected call.
      const { h } = await executor.predict({ sentence1: ids([2, 20]), sentence2: ids([2, 30]) });
      expect(h!.shape).toEqual([2, 30, 200]);
    });
  });

  it("int32 inputs take whole numbers given as floats, and nothing else (NN6004)", async () => {
    await each(async (executor) => {
      const floats = (shape: number[], value: number) => ({ data: new Float32Array(shape[0]! * shape[1]!).fill(value), shape });
      const { h } = await executor.predict({ sentence1: floats([1, 20], 5), sentence2: floats([1, 30], 6) });
      expect(h!.shape).toEqual([1, 30, 200]);
      const error = await rejection(executor.predict({ sentence1: floats([1, 20], 5.5), sentence2: floats([1, 30], 6) }));
      expect(error.code).toBe("InputDTypeMismatch");
    });
  });
});

describe("models the executor does not run yet are refused before anything runs (NN6007)", () => {
  it("masks it does not combine: a Concatenate of masked inputs along the time axis", async () => {
    const ir = specIR(`model M {
      input ids: int32[batch, 5]
      e = ids |> Embedding(10, 4, mask_zero=true)
      output y = concatenate(e, e, axis=1)
    }`);
    expect(unsupportedLayers(ir)).toEqual([{ layer: "y", reason: "the executor combines masks of a Concatenate along the last axis only" }]);
    const error = await rejection(createExecutor(ir, randomWeights(ir, seededRandom(1))));
    expect(error.code).toBe("UnsupportedByBackend");
    expect(unsupportedLayers(seedIR("attention.nnspec"))).toEqual([]);
  });

  it("weights that do not fit the model", async () => {
    const ir = seedIR("lstm.nnspec");
    const weights = randomWeights(ir, seededRandom(1));
    weights.delete([...weights.keys()][1]!);
    const error = await rejection(createExecutor(ir, weights));
    expect(error.message).toContain("is missing");
  });
});
