import { wasm, type WasmModule } from "./web-assembly.js";
import { BackendError } from "../../backend/errors.js";
import { createJsKernel } from "./js-kernel.js";
import type { Kernel, KernelName } from "./kernel.js";
import { createSharedMemory, instantiateKernel, loadKernelModule, MAXIMUM_PAGES, type KernelModule } from "./wasm-kernel.js";

/** The kernel an executor runs on, the module a worker can instantiate too, and why not WebAssembly if it is not. */
export interface ChosenKernel {
  kernel: Kernel;
  module?: WasmModule;
  fallbackReason?: string;
}

/**
 * "auto" takes the WebAssembly SIMD kernel and falls back to the JavaScript one, saying why,
 * when it cannot load; an explicit "wasm-simd" that cannot load is an error (NN6001).
 */
export async function chooseKernel(choice: "auto" | KernelName, load: () => Promise<KernelModule> = loadKernelModule): Promise<ChosenKernel> {
  if (choice === "js") return { kernel: jsKernel() };
  const loaded = await load();
  if ("module" in loaded) {
    try {
      return { kernel: instantiateKernel(loaded.module, createSharedMemory(1)), module: loaded.module };
    } catch (error) {
      return fallBack(choice, `the kernel does not instantiate: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return fallBack(choice, loaded.failure);
}

function fallBack(choice: "auto" | KernelName, reason: string): ChosenKernel {
  if (choice === "wasm-simd") throw new BackendError("BackendUnavailable", `the executor's WebAssembly kernel is not available: ${reason}`);
  return { kernel: jsKernel(), fallbackReason: reason };
}

function jsKernel(): Kernel {
  return createJsKernel(new wasm.Memory({ initial: 1, maximum: MAXIMUM_PAGES }));
}
