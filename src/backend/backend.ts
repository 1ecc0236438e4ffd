import { createRequire } from "node:module";
import path from "node:path";
import type { BackendChoice, BackendName } from "./backend-choices.js";
import { registerCustomLayers } from "./custom/index.js";
import { registerKernels } from "./kernels/index.js";
import { BackendUnavailableError } from "./errors.js";
import { quietly } from "./quiet-console.js";

/** The TensorFlow.js module. Type-only: TensorFlow.js itself is loaded on demand. */
export type Tf = typeof import("@tensorflow/tfjs");

export type { BackendChoice, BackendName } from "./backend-choices.js";

/** An initialised TensorFlow.js with its active backend. */
export interface Backend {
  name: BackendName;
  tf: Tf;
}

/** `auto` tries these in order: native TensorFlow, then WebAssembly, then plain JS. */
const AUTO_ORDER: readonly BackendName[] = ["tensorflow", "wasm", "cpu"];

/** Backends that failed to load stay failed for the process: a failed import is not retried. */
const unavailable = new Map<BackendName, BackendUnavailableError>();

/**
 * Loads TensorFlow.js and activates a backend. `auto` takes the fastest one that works here;
 * an explicit choice that cannot run throws BackendUnavailableError (NN6001).
 * Whatever TensorFlow.js prints while loading is kept off the console.
 */
export async function initBackend(choice: BackendChoice = "auto"): Promise<Backend> {
  if (choice !== "auto") return activate(choice);
  const reasons: string[] = [];
  for (const name of AUTO_ORDER) {
    try {
      return await activate(name);
    } catch (error) {
      reasons.push(error instanceof BackendUnavailableError ? `${name}: ${error.reason}` : String(error));
    }
  }
  throw new BackendUnavailableError("auto", reasons.join("; "));
}

async function activate(name: BackendName): Promise<Backend> {
  const known = unavailable.get(name);
  if (known) throw known;
  const printed: string[] = [];
  let tf: Tf;
  try {
    tf = await quietly(async () => {
      const loaded = await loadTf(name);
      if (!(await loaded.setBackend(name))) throw new Error(printed.join(" ").trim() || "initialisation failed");
      // The CPU backend greets Node users on its first tensor write: make that write now, captured.
      loaded.zeros([1]).dispose();
      return loaded;
    }, printed);
  } catch (error) {
    const failure = new BackendUnavailableError(name, firstLine(error));
    unavailable.set(name, failure);
    throw failure;
  }
  // nnspec's own layer classes, for building models that use them and for loading saved ones.
  registerCustomLayers(tf);
  // Kernels training needs that the backend lacks (UnsortedSegmentSum, for Embedding's gradient on wasm).
  registerKernels(tf);
  return { name, tf };
}

/** Imports TensorFlow.js with the package that registers the backend. */
async function loadTf(name: BackendName): Promise<Tf> {
  switch (name) {
    case "tensorflow": {
      // An optional dependency that may be missing: a variable specifier keeps the type checker
      // from requiring it. The package re-exports all of @tensorflow/tfjs.
      const specifier = "@tensorflow/tfjs-node";
      return (await import(specifier)) as Tf;
    }
    case "wasm": {
      const tf = await import("@tensorflow/tfjs");
      const wasm = await import("@tensorflow/tfjs-backend-wasm");
      // Load the .wasm binaries from the installed package, never over the network.
      wasm.setWasmPaths(wasmDirectory());
      return tf;
    }
    case "cpu":
      return import("@tensorflow/tfjs");
  }
}

function wasmDirectory(): string {
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return path.dirname(entry) + path.sep;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n").find((line) => line.trim() !== "") ?? text).trim();
}
