import { afterEach, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIO } from "../cli/support/capture-io.js";

afterEach(() => {
  vi.restoreAllMocks();
});

// Alone in its file, so TensorFlow.js loads here for the first time (each test file runs in a
// fresh process): its greetings come on first load and first tensor write.
it("nnspec run prints only what nnspec says: the backend on stderr, no TensorFlow.js banners", async () => {
  const spies = [
    ...(["log", "info", "warn", "error", "debug"] as const).map((method) => vi.spyOn(console, method)),
    vi.spyOn(process.stdout, "write"),
    vi.spyOn(process.stderr, "write"),
  ];
  const captured = captureIO();
  const code = await main(["run", "specs/seed/embedding.nnspec", "--batch", "2", "--executor", "layers"], captured.io);
  expect(code).toBe(0);
  expect(captured.stderr()).toMatch(/^backend: (tensorflow|wasm)\n/);
  for (const spy of spies) expect(spy).not.toHaveBeenCalled();
});
