import { expect, it } from "vitest";
import { BackendError } from "../../src/backend/errors.js";
import { createExecutor } from "../../src/executor/index.js";
import { chooseKernel } from "../../src/executor/kernels/choose-kernel.js";
import { seedIR } from "../backend/seed-specs.js";
import { randomWeights } from "./model-data.js";
import { seededRandom } from "./random.js";

it("the WebAssembly kernel is built and chosen by default, with two threads on this machine", async () => {
  const ir = seedIR("lstm.nnspec");
  const executor = await createExecutor(ir, randomWeights(ir, seededRandom(1)));
  expect(executor.kernel).toBe("wasm-simd");
  expect(executor.fallbackReason).toBeUndefined();
  expect(executor.threads).toBe((await import("node:os")).availableParallelism() >= 2 ? 2 : 1);
  await executor.dispose();
});

it("falls back to the JavaScript kernel, saying why, when the WebAssembly kernel cannot load", async () => {
  const missing = async () => ({ failure: "the kernel file executor-kernel.wasm is missing" });
  const chosen = await chooseKernel("auto", missing);
  expect(chosen.kernel.name).toBe("js");
  expect(chosen.fallbackReason).toContain("missing");
  const asked = await chooseKernel("wasm-simd", missing).catch((e: unknown) => e);
  expect(asked).toBeInstanceOf(BackendError);
  expect((asked as BackendError).code).toBe("BackendUnavailable");
});
