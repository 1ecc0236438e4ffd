import type { Tensor } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { initBackend, type Tf } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { crossCheck } from "../../src/backend/cross-check.js";
import type { IRInput } from "../../src/ir/types.js";
import { SEED_CELLS, seedIR } from "./seed-specs.js";

/** The batch the outputs are computed for: the seed's 32 rows would only make the test slower. */
const BATCH = 4;

/** The notebook's inputs: np.arange(batch·length).reshape(batch, length) for IDs, ones otherwise. */
function notebookInput(tf: Tf, input: IRInput): Tensor {
  const shape = [BATCH, ...input.shape.slice(1).map((d) => d as number)];
  if (input.dtype !== "int32") return tf.ones(shape);
  return tf.tidy(() => tf.range(0, shape.reduce((a, b) => a * b, 1), 1, "int32").reshape(shape));
}

describe("the seed cells build on TensorFlow.js", () => {
  it.each(SEED_CELLS)("$file: shapes agree with the IR, params and output as the seed says", async (cell) => {
    const ir = seedIR(cell.file);
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const { model } = await buildModel(ir, { seed: 2024, backend: "cpu" });
    expect(crossCheck(model, ir)).toEqual([]);
    expect(model.countParams()).toBe(cell.params);
    const inputs = ir.inputs.map((input) => notebookInput(tf, input));
    const output = model.predict(inputs) as Tensor;
    expect(output.shape).toEqual([BATCH, ...cell.output.slice(1)]);
    expect((await output.data()).every(Number.isFinite)).toBe(true);
    tf.dispose([...inputs, output]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("softmax: the sums over axis 2 are all 1.0, shape (12, 20)", async () => {
    const ir = seedIR("softmax.nnspec");
    const { tf } = await initBackend("cpu");
    const { model } = await buildModel(ir, { backend: "cpu" });
    const sums = tf.tidy(() => (model.predict(tf.ones([12, 20, 5])) as Tensor).sum(2));
    expect(sums.shape).toEqual([12, 20]);
    for (const sum of await sums.data()) expect(sum).toBeCloseTo(1, 6);
    sums.dispose();
    model.dispose();
  });
});

describe("building the seed attention model is fast", () => {
  // CPU time of this process, not wall time: other processes on the machine must not make the test flaky.
  it.each(["cpu", "wasm"] as const)("%s: under 0.5 s", async (backend) => {
    const ir = seedIR("attention.nnspec");
    await initBackend(backend);
    const start = process.cpuUsage();
    const { model } = await buildModel(ir, { seed: 1, backend });
    const { user, system } = process.cpuUsage(start);
    model.dispose();
    expect((user + system) / 1000).toBeLessThan(500);
  });
});
