import type { Tensor, Tensor1D } from "@tensorflow/tfjs";
import { describe, expect, it, vi } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { registerKernels } from "../../src/backend/kernels/index.js";
import { unsortedSegmentSumCpuConfig } from "../../src/backend/kernels/unsorted-segment-sum-cpu.js";
import { unsortedSegmentSumWasmConfig } from "../../src/backend/kernels/unsorted-segment-sum-wasm.js";

/** Runs `compute` on a backend and returns its result's values and shape. */
async function on(backend: "wasm" | "cpu", compute: (tf: Awaited<ReturnType<typeof initBackend>>["tf"]) => Tensor): Promise<{ values: number[]; shape: number[] }> {
  const { tf } = await initBackend(backend);
  registerKernels(tf);
  const result = tf.tidy(() => compute(tf));
  const values = Array.from(await result.data());
  const shape = result.shape;
  result.dispose();
  return { values, shape };
}

/** The op's type says 1-D, but the kernel (as TensorFlow's) takes any prefix of x's shape. */
const segmentIds = (ids: Tensor): Tensor1D => ids as Tensor1D;

describe("UnsortedSegmentSum", () => {
  it("is registered for wasm and cpu once: a second call is silent", async () => {
    const { tf } = await initBackend("wasm");
    registerKernels(tf);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      registerKernels(tf);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    expect(tf.getKernel("UnsortedSegmentSum", "wasm")?.kernelFunc).toBe(unsortedSegmentSumWasmConfig.kernelFunc);
    expect(tf.getKernel("UnsortedSegmentSum", "cpu")?.kernelFunc).toBe(unsortedSegmentSumCpuConfig.kernelFunc);
  });

  /** out[s, …] = Σ x[i, …] over i with ids[i] = s, in plain loops. */
  function reference(values: number[], ids: number[], segments: number): number[] {
    const inner = values.length / ids.length;
    const out = new Array<number>(segments * inner).fill(0);
    ids.forEach((segment, i) => {
      if (segment < 0 || segment >= segments) return;
      for (let j = 0; j < inner; j++) out[segment * inner + j]! += values[i * inner + j]!;
    });
    return out;
  }

  const cases = [
    { name: "rows of a matrix", x: [6, 3], ids: [2, 0, 2, -1, 3, 1], segments: 4 },
    { name: "2-D segment IDs over a 3-D tensor", x: [2, 3, 2], ids: [1, 1, 0, 4, 0, 1], segments: 3, idShape: [2, 3] },
    { name: "integers", x: [4], ids: [0, 1, 0, 1], segments: 2, int: true },
  ];
  it.each((["wasm", "cpu"] as const).flatMap((backend) => cases.map((c) => ({ ...c, backend }))))(
    "sums segments on $backend: $name (IDs outside [0, segments) are dropped)",
    async ({ backend, x, ids, segments, idShape, int }) => {
      const size = x.reduce((a, b) => a * b, 1);
      const values = Array.from({ length: size }, (_, i) => (int ? i * 3 - 4 : Math.sin(i + 1) * 10));
      const ids2: number[] = idShape ?? [ids.length];
      const result = await on(backend, (tf) => tf.unsortedSegmentSum(tf.tensor(values, x, int ? "int32" : "float32"), segmentIds(tf.tensor(ids, ids2, "int32")), segments));
      expect(result.shape).toEqual([segments, ...x.slice(ids2.length)]);
      const expected = reference(values, ids, segments);
      result.values.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 4));
    },
  );

  it("gives Embedding's gradient (a gather's) on wasm as on cpu, repeated IDs summed", async () => {
    const gradient = (tf: Awaited<ReturnType<typeof initBackend>>["tf"]): Tensor => {
      const table = tf.tensor2d(Array.from({ length: 15 }, (_, i) => i / 7), [5, 3]);
      const ids = tf.tensor1d([4, 1, 4, 0], "int32");
      const weights = tf.tensor2d(Array.from({ length: 12 }, (_, i) => i - 5), [4, 3]);
      return tf.grad((t: Tensor) => tf.sum(tf.mul(tf.gather(t, ids), weights)))(table);
    };
    const wasm = await on("wasm", gradient);
    expect(wasm.values).toEqual((await on("cpu", gradient)).values);
    expect(wasm.shape).toEqual([5, 3]);
    // Row 4 is gathered twice: its gradient is the sum of rows 0 and 2 of the weights.
    expect(wasm.values.slice(12)).toEqual([-5 + 1, -4 + 2, -3 + 3]);
  });
});
