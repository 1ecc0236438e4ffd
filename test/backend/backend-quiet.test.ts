import { afterEach, expect, it, vi } from "vitest";
// The whole backend is imported, yet TensorFlow.js must not load until a function asks for it.
import { initBackend } from "../../src/backend/index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

// Alone in its file so TensorFlow.js is loaded here for the first time: its greetings come
// on first load and first tensor write, and must not reach the console.
it("loads TensorFlow.js only when asked, and keeps its banners off the console", async () => {
  expect((globalThis as Record<string, unknown>)["_tfengine"]).toBeUndefined(); // tfjs-core's global engine
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method));
  const auto = await initBackend("auto");
  const { tf } = await initBackend("cpu");
  const total = tf.tidy(() => tf.ones([2, 3]).sum());
  expect(await total.data()).toEqual(new Float32Array([6]));
  total.dispose();
  expect(["tensorflow", "wasm"]).toContain(auto.name);
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  expect((globalThis as Record<string, unknown>)["_tfengine"]).toBeDefined();
});
