import type { LayersModel } from "@tensorflow/tfjs";
import type { BackendChoice, BackendName } from "../backend/backend.js";
import { BackendError } from "../backend/errors.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { validateIR } from "../ir/schema.js";
import type { ModelIR } from "../ir/types.js";
import { check, type CheckOptions } from "./check.js";

/** A spec with errors: its diagnostics (errors and warnings) say what is wrong; `sources`, the text of the files it imports, by name. */
export class SpecError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(`the spec has ${errors.length === 1 ? "an error" : `${errors.length} errors`}: ${errors[0]?.message ?? "unknown"}`);
    this.name = "SpecError";
  }
}

/** A model's IR, from a spec's text or as given, with the spec's warnings. */
export interface ResolvedIR {
  ir: ModelIR;
  /** The spec's diagnostics (warnings only); empty when an IR was given. */
  diagnostics: Diagnostic[];
}

/**
 * Checks a spec (throws SpecError when it has errors) or validates a given IR against the
 * schema (throws BackendError InvalidIR when it does not match).
 */
export function resolveIR(irOrSource: ModelIR | string, options: CheckOptions = {}): ResolvedIR {
  if (typeof irOrSource === "string") {
    const { diagnostics, ir, sources } = check(irOrSource, options);
    if (hasErrors(diagnostics) || ir === undefined) throw new SpecError(diagnostics, sources);
    return { ir, diagnostics };
  }
  const checked = validateIR(irOrSource);
  if (!checked.ok) throw new BackendError("InvalidIR", `the IR does not match the schema: ${checked.errors.slice(0, 3).join("; ")}`);
  return { ir: checked.ir, diagnostics: [] };
}

export interface BuildApiOptions extends CheckOptions {
  /** TensorFlow.js backend (default "auto": native TensorFlow, else WebAssembly, else plain JS). */
  backend?: BackendChoice;
  /** Seed of the initial weights (random if absent): the same seed gives the same weights everywhere. */
  seed?: number;
}

export interface BuildResult extends ResolvedIR {
  model: LayersModel;
  /** The backend TensorFlow.js computes on. */
  backend: BackendName;
  /** The seed the weights were drawn with. */
  seed: number;
}

/**
 * Builds a tfjs LayersModel from a spec's text or an IR, with seeded initial weights.
 * TensorFlow.js is loaded on the first call. `model.dispose()` frees it.
 */
export async function build(irOrSource: ModelIR | string, options: BuildApiOptions = {}): Promise<BuildResult> {
  const resolved = resolveIR(irOrSource, options);
  const { buildModel } = await import("../backend/build.js");
  const seed = options.seed ?? randomSeed();
  const { model, backend } = await buildModel(resolved.ir, { seed, backend: options.backend ?? "auto" });
  return { ...resolved, model, backend, seed };
}

/** A seed for when none is given: recorded with what it made, so the result can be reproduced. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
