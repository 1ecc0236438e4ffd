import { expect, it } from "vitest";
// The whole public API is imported; TensorFlow.js must not load until a function needs it.
import { check, compileToDirectory, run } from "../../src/index.js";

// Alone in its file: each test file runs in a fresh process, so no other test has loaded tfjs here.
it("does not initialise TensorFlow.js on import or on check()", () => {
  const { ir } = check("model M {\n  input x: float32[batch, 3]\n  output y = x |> Dense(2)\n}\n");
  expect(ir?.name).toBe("M");
  expect(typeof compileToDirectory).toBe("function");
  expect(typeof run).toBe("function");
  expect((globalThis as Record<string, unknown>)["_tfengine"]).toBeUndefined(); // tfjs-core's global engine
});
