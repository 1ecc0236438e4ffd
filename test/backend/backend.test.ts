import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { BackendUnavailableError } from "../../src/backend/errors.js";

describe("initBackend", () => {
  it("activates an explicitly chosen backend", async () => {
    const wasm = await initBackend("wasm");
    expect(wasm.name).toBe("wasm");
    expect(wasm.tf.getBackend()).toBe("wasm");
    const cpu = await initBackend("cpu");
    expect(cpu.name).toBe("cpu");
    expect(cpu.tf.getBackend()).toBe("cpu");
  });

  it("falls back from the native backend when it cannot load", async () => {
    const native = await initBackend("tensorflow").then(
      (backend) => backend,
      (error: unknown) => error,
    );
    const auto = await initBackend("auto");
    if (native instanceof BackendUnavailableError) {
      expect(native.code).toBe("BackendUnavailable");
      expect(native.backend).toBe("tensorflow");
      expect(native.message).toMatch(/^backend 'tensorflow' is not available: \S/);
      expect(auto.name).toBe("wasm");
    } else {
      expect(native).toMatchObject({ name: "tensorflow" });
      expect(auto.name).toBe("tensorflow");
    }
    expect(auto.tf.getBackend()).toBe(auto.name);
  });
});
