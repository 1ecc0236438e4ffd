import { createRequire } from "node:module";
import type { ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { layerDefinitions } from "../../src/ir/layers/index.js";
import { optionsAjv } from "../../src/ir/options/ajv-instance.js";
import { precompiledValidatorsSource } from "../../src/ir/options/precompile.js";

/** The module the build writes, evaluated here (its `require`s of ajv's runtime resolve from the repository). */
function precompiled(): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  new Function("module", "exports", "require", precompiledValidatorsSource())(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** Option objects that exercise defaults, types, enums, ranges, nested kinds and unknown names. */
const samples: Record<string, unknown>[] = [
  {},
  { units: 3, activation: "tanh" },
  { units: -1, activation: "nope", extra: 1 },
  { units: 2.5, use_bias: "yes" },
  { kernel_regularizer: { kind: "regularizer", l1: 0, l2: 0.01 } },
  { kernel_regularizer: { kind: "regularizer", l1: "0" } },
  { layer: { kind: "layer", type: "LSTM", options: {} } },
  { layer: { kind: "layer", type: 3 } },
  { filters: 4, kernel_size: 3, padding: "causal" },
  { rate: 1.5 },
  { axis: [1, 2] },
];

describe("option validators compiled ahead of time", () => {
  const ahead = precompiled();

  it("exist for every layer type", () => {
    expect(Object.keys(ahead).sort()).toEqual([...layerDefinitions.keys()].sort());
  });

  it("accept, refuse, report and fill in defaults exactly as validators compiled at run time", () => {
    for (const definition of layerDefinitions.values()) {
      const runtime = optionsAjv().compile(definition.options);
      for (const sample of samples) {
        const [a, b] = [structuredClone(sample), structuredClone(sample)];
        const where = `${definition.type} ${JSON.stringify(sample)}`;
        expect(ahead[definition.type]!(a), where).toBe(runtime(b));
        expect(a, where).toEqual(b);
        expect(ahead[definition.type]!.errors ?? null, where).toEqual(runtime.errors ?? null);
      }
    }
  });
});
