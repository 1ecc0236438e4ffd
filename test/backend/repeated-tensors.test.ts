// tfjs frees a tensor too early when a layer takes it twice, or returns it twice (an RNN's
// output and h with return_state): the backend works around both, and predictions run.
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { buildModel } from "../../src/backend/index.js";

async function predictAll(source: string): Promise<number[][]> {
  const { ir, diagnostics } = check(source);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const { model } = await buildModel(ir!, { seed: 1, backend: "cpu" });
  const x = tf.randomUniform([2, ...(ir!.inputs[0].shape.slice(1) as number[])]);
  const outputs = model.predict(x) as tf.Tensor | tf.Tensor[];
  const values = (Array.isArray(outputs) ? outputs : [outputs]).map((t) => Array.from(t.dataSync()));
  model.dispose();
  return values;
}

describe("tensors used twice", () => {
  it("an RNN's output and h (the same tensor in tfjs) can both be used", async () => {
    const [a, b, h] = await predictAll(`model M {
      input x: float32[batch, 5, 3]
      out, h, c = x |> LSTM(4, return_state=true)
      output a = out |> Dense(2)
      output b = c |> Dense(2)
      output state = h
    }`);
    expect(a).toHaveLength(4);
    expect(b).toHaveLength(4);
    expect(h.every(Number.isFinite)).toBe(true);
  });

  it("a layer can take the same tensor twice while it is used elsewhere too", async () => {
    const [y] = await predictAll(`model M {
      input x: float32[batch, 6, 8]
      d = x |> Dense(8)
      output y = multiply(d, d) + d
    }`);
    expect(y).toHaveLength(2 * 6 * 8);
  });
});
