import type { Tensor } from "@tensorflow/tfjs";
import { expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { crossCheck } from "../../src/backend/cross-check.js";

const spec = `model Seeded {
  input x: float32[batch, 5, 3]
  input h: float32[batch, 4]
  input c: float32[batch, 4]
  output y = LSTM(4)(x, initial_state=[h, c])
}`;

it("passes tensors given by keyword (initial_state) to the tfjs layer", async () => {
  const { ir } = check(spec, { file: "seeded.nnspec" });
  const { tf } = await initBackend("cpu");
  const { model } = await buildModel(ir!, { seed: 3, backend: "cpu" });
  expect(crossCheck(model, ir!)).toEqual([]);
  const lstm = model.layers.find((layer) => layer.getClassName() === "LSTM")!;
  expect(lstm.inboundNodes[0]!.inboundLayers.map((layer) => layer.name)).toEqual(["x", "h", "c"]);
  const outputs = tf.tidy(() => {
    const x = tf.ones([1, 5, 3]);
    const zeros = tf.zeros([1, 4]);
    return [tf.zeros([1, 4]), tf.ones([1, 4])].map((h) => (model.predict([x, h, zeros]) as Tensor).arraySync() as number[][]);
  });
  expect(outputs[0]).not.toEqual(outputs[1]);
  model.dispose();
});
