import type { InitializerSpec } from "../types.js";

/**
 * Weight initializers by their Keras names: the IR's InitializerSpec (with Keras's default
 * arguments spelled out) and the identifier tfjs-layers resolves to the same initializer.
 */
interface InitializerEntry {
  spec: InitializerSpec;
  tfjs: string;
}

const ENTRIES: Record<string, InitializerEntry> = {
  zeros: { spec: { name: "zeros" }, tfjs: "zeros" },
  ones: { spec: { name: "ones" }, tfjs: "ones" },
  glorot_uniform: { spec: { name: "glorot_uniform" }, tfjs: "glorotUniform" },
  glorot_normal: { spec: { name: "glorot_normal" }, tfjs: "glorotNormal" },
  he_uniform: { spec: { name: "he_uniform" }, tfjs: "heUniform" },
  he_normal: { spec: { name: "he_normal" }, tfjs: "heNormal" },
  lecun_uniform: { spec: { name: "lecun_uniform" }, tfjs: "leCunUniform" },
  lecun_normal: { spec: { name: "lecun_normal" }, tfjs: "leCunNormal" },
  random_uniform: { spec: { name: "random_uniform", minval: -0.05, maxval: 0.05 }, tfjs: "randomUniform" },
  random_normal: { spec: { name: "random_normal", mean: 0, stddev: 0.05 }, tfjs: "randomNormal" },
  truncated_normal: { spec: { name: "truncated_normal", mean: 0, stddev: 0.05 }, tfjs: "truncatedNormal" },
  orthogonal: { spec: { name: "orthogonal", gain: 1 }, tfjs: "orthogonal" },
  identity: { spec: { name: "identity", gain: 1 }, tfjs: "identity" },
};

// Keras's short aliases (Embedding's default is written "uniform" in Keras's documentation).
ENTRIES.uniform = ENTRIES.random_uniform;
ENTRIES.normal = ENTRIES.random_normal;

/** The initializer names an option accepts. */
export const initializerNames: readonly string[] = Object.keys(ENTRIES);

/** The IR spec of a Keras initializer name, with its default arguments. */
export function initializerSpec(name: string): InitializerSpec {
  return { ...entry(name).spec };
}

/** The tfjs-layers identifier of a Keras initializer name ("glorot_uniform" → "glorotUniform"). */
export function tfjsInitializer(name: string): string {
  return entry(name).tfjs;
}

function entry(name: string): InitializerEntry {
  const found = ENTRIES[name];
  if (!found) throw new Error(`unknown initializer '${name}'`);
  return found;
}
