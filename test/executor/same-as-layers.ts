import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import type { BackendName } from "../../src/backend/backend.js";
import { createExecutor } from "../../src/executor/index.js";
import type { ArrayTensor, ExecutorOptions } from "../../src/executor/types.js";
import type { ModelIR } from "../../src/ir/types.js";
import { unsupportedLayers } from "../../src/executor/index.js";
import type { LayerCase } from "./layer-cases.js";
import { layersPredict, relativeError } from "./layers-reference.js";
import { randomInputs, randomWeights } from "./model-data.js";
import { RUN_SEED, seededRandom } from "./random.js";

/** The tolerance: the largest difference, relative to the largest magnitude of the Layers model's output. */
export const TOLERANCE = 1e-5;

/** The executors every comparison runs: the WebAssembly kernel with both threads, and the JavaScript kernel. */
export const EXECUTORS: readonly ExecutorOptions[] = [{ kernel: "wasm-simd", threads: 2 }, { kernel: "js" }];

/** A model written in nnspec, lowered by nnspec's own check(). */
export function specIR(source: string): ModelIR {
  const { ir, diagnostics } = check(source, { file: "case.nnspec" });
  if (!ir) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("; "));
  return ir;
}

/**
 * Random weights and inputs (fresh each run; the run's seed is in every failure message) for
 * each batch size, and the executor's outputs must equal the Layers model's: same shapes,
 * values within TOLERANCE. One executor per kind serves all batch sizes, so plans for several
 * shapes are exercised too.
 */
export async function expectSameAsLayers(
  ir: ModelIR,
  options: {
    batches?: number[];
    symbols?: Record<string, number>;
    executors?: readonly ExecutorOptions[];
    backend?: BackendName;
    salt?: number;
    /** Changes the random inputs before both run (e.g. padding token IDs, so that masks matter). */
    prepare?: (inputs: Record<string, ArrayTensor>, random: () => number) => Record<string, ArrayTensor>;
  } = {},
): Promise<void> {
  const random = seededRandom(RUN_SEED + (options.salt ?? 0));
  const weights = randomWeights(ir, random);
  const executors = await Promise.all((options.executors ?? EXECUTORS).map((o) => createExecutor(ir, weights, o)));
  try {
    for (const batch of options.batches ?? [1, 5]) {
      const drawn = randomInputs(ir, batch, random, options.symbols);
      const inputs = options.prepare ? options.prepare(drawn, random) : drawn;
      const expected = await layersPredict(ir, weights, inputs, options.backend ?? "cpu");
      for (const executor of executors) {
        const actual = await executor.predict(inputs);
        for (const output of ir.outputs) {
          const where = `${ir.name} output '${output.name}', batch ${batch}, kernel ${executor.kernel} (${executor.threads} threads), NNSPEC_TEST_SEED=${RUN_SEED}`;
          expect(actual[output.name]!.shape, where).toEqual(expected[output.name]!.shape);
          expect(relativeError(actual[output.name]!.data, expected[output.name]!.data), where).toBeLessThanOrEqual(TOLERANCE);
        }
      }
    }
  } finally {
    await Promise.all(executors.map((executor) => executor.dispose()));
  }
}

/**
 * One describe per group of cases, one test per case: the executor runs the whole model and
 * computes what the Layers model computes. Each case gets its own salt, from `salt` on.
 */
export function describeCaseGroups(groups: Record<string, readonly LayerCase[]>, options: { batches?: number[]; symbols: Record<string, number>; salt: number }): void {
  Object.entries(groups).forEach(([group, cases], g) => {
    describe(`${group}: the executor computes what the Layers model computes`, () => {
      for (const [i, c] of cases.entries()) {
        it(c.name, async () => {
          const ir = specIR(c.source);
          expect(unsupportedLayers(ir)).toEqual([]);
          await expectSameAsLayers(ir, { batches: options.batches, symbols: c.symbols ?? options.symbols, salt: options.salt + 100 * g + i });
        });
      }
    });
  });
}
