import { wasm, type WasmMemory, type WasmModule } from "./web-assembly.js";
import { readFile } from "node:fs/promises";
import type { Kernel, KernelFunctions } from "./kernel.js";

/** Where `npm run build` writes the kernel: beside this module in dist/, or dist/ itself when running from source. */
const CANDIDATES = ["./executor-kernel.wasm", "../../../dist/executor/kernels/executor-kernel.wasm"];

/** 64 KiB pages: the most a 32-bit WebAssembly memory can have (4 GiB). */
export const MAXIMUM_PAGES = 65536;

/** The compiled WebAssembly kernel module, or why it cannot be used here. */
export type KernelModule = { module: WasmModule } | { failure: string };

let cached: Promise<KernelModule> | undefined;

/** Reads and compiles the kernel once per process (the result, failure included, is kept). */
export function loadKernelModule(): Promise<KernelModule> {
  cached ??= compile();
  return cached;
}

async function compile(): Promise<KernelModule> {
  let bytes: Uint8Array | undefined;
  for (const candidate of CANDIDATES) {
    try {
      bytes = await readFile(new URL(candidate, import.meta.url));
      break;
    } catch {
      // Not at this place; try the next.
    }
  }
  if (!bytes) return { failure: "the kernel file executor-kernel.wasm is missing (run `npm run build`)" };
  // Without SIMD or threads support the module does not validate.
  if (!wasm.validate(bytes)) return { failure: "this JavaScript engine lacks WebAssembly SIMD or threads" };
  try {
    return { module: await wasm.compile(bytes) };
  } catch (error) {
    return { failure: `the kernel does not compile: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A memory the main thread and workers can share: the kernel imports it as env.memory. */
export function createSharedMemory(pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages, maximum: MAXIMUM_PAGES, shared: true });
}

/** Instantiates the kernel on `memory`. */
export function instantiateKernel(module: WasmModule, memory: WasmMemory): Kernel {
  const instance = new wasm.Instance(module, { env: { memory } });
  return { name: "wasm-simd", functions: instance.exports as unknown as KernelFunctions, memory };
}
