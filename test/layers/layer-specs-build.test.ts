import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { check } from "../../src/api/check.js";
import { buildModel } from "../../src/backend/build.js";
import { validateIR } from "../../src/ir/schema.js";
import { specFiles } from "../golden/spec-files.js";

/**
 * Every spec under specs/layers checks clean, gives IR the JSON Schema accepts (keyword inputs,
 * scalar weights) and builds in TensorFlow.js, whose model agrees with the IR on every tensor's
 * shape and every weight (buildModel cross-checks them): initial states given by keyword,
 * wrapped layers and nnspec's own tfjs layers included.
 */
describe("specs/layers build in TensorFlow.js", () => {
  beforeAll(() => void vi.spyOn(console, "warn").mockImplementation(() => undefined));
  afterAll(() => vi.restoreAllMocks());

  it.each(specFiles("layers").map((spec) => [spec.path, spec] as const))("%s", async (_, spec) => {
    const { diagnostics, ir } = check(spec.source, { file: spec.path });
    expect(diagnostics).toEqual([]);
    expect(validateIR(ir).ok).toBe(true);
    const { model } = await buildModel(ir!, { seed: 7, backend: "cpu" });
    expect(model.countParams()).toBe(ir!.layers.reduce((sum, layer) => sum + layer.params, 0));
    model.dispose();
  });
});
