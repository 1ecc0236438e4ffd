import { expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";

it("registers nnspec's own layer classes with TensorFlow.js once the backend is up", async () => {
  const { tf } = await initBackend("cpu");
  // tfjs-layers itself has none of these classes.
  const names = Object.keys(tf.serialization.SerializationMap.getMap().classNameMap);
  expect(names).toEqual(expect.arrayContaining(["Attention", "AdditiveAttention", "LuongAttention"]));
});
