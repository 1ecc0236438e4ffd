import { expect, it } from "vitest";
import { createExecutor } from "../../src/executor/index.js";
import { relativeError } from "./layers-reference.js";
import { randomInputs, randomWeights } from "./model-data.js";
import { RUN_SEED, seededRandom } from "./random.js";
import { EXECUTORS, specIR, TOLERANCE } from "./same-as-layers.js";

// What the IR allows but tfjs-layers cannot run, checked against a direct computation.

it("softmax along a non-last axis (tfjs-layers supports only the last)", async () => {
  const ir = specIR(`model M {\n input x: float32[batch, 7, 5, 2]\n output y = x |> Softmax(axis=1)\n}`);
  const inputs = randomInputs(ir, 3, seededRandom(RUN_SEED));
  const x = inputs.x!.data;
  const expected = new Float32Array(x.length);
  for (let b = 0; b < 3; b++) {
    for (let j = 0; j < 10; j++) {
      const at = (i: number) => b * 70 + i * 10 + j;
      const top = Math.max(...Array.from({ length: 7 }, (_, i) => x[at(i)]!));
      const sum = Array.from({ length: 7 }, (_, i) => Math.exp(x[at(i)]! - top)).reduce((a, v) => a + v, 0);
      for (let i = 0; i < 7; i++) expected[at(i)] = Math.exp(x[at(i)]! - top) / sum;
    }
  }
  for (const options of EXECUTORS) {
    const executor = await createExecutor(ir, new Map(), options);
    const { y } = await executor.predict(inputs);
    expect(y!.shape).toEqual([3, 7, 5, 2]);
    expect(relativeError(y!.data, expected), `NNSPEC_TEST_SEED=${RUN_SEED}`).toBeLessThanOrEqual(TOLERANCE);
    await executor.dispose();
  }
});

it("concatenates int32 token IDs and looks them up", async () => {
  const ir = specIR(`model M {\n input a: int32[batch, 3]\n input b: int32[batch, 2]\n output y = concatenate(a, b) |> Embedding(10, 4)\n}`);
  const random = seededRandom(RUN_SEED);
  const weights = randomWeights(ir, random);
  const table = [...weights.values()][0]!;
  const inputs = randomInputs(ir, 2, random);
  const [a, b] = [inputs.a!.data, inputs.b!.data];
  const ids = [0, 1].flatMap((row) => [...a.subarray(row * 3, row * 3 + 3), ...b.subarray(row * 2, row * 2 + 2)]);
  const expected = Float32Array.from(ids.flatMap((id) => [...table.subarray(id * 4, id * 4 + 4)]));
  for (const options of EXECUTORS) {
    const executor = await createExecutor(ir, weights, options);
    const { y } = await executor.predict(inputs);
    expect(y!.shape).toEqual([2, 5, 4]);
    expect(y!.data).toEqual(expected);
    await executor.dispose();
  }
});
