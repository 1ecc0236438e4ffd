import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileToDirectory } from "../../src/api/compile.js";
import { run, type RunResult } from "../../src/api/run.js";
import { maxAbsDifference } from "../backend/arrays.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const lstm = readFileSync(fileURLToPath(new URL("../../specs/seed/lstm.nnspec", import.meta.url)), "utf8");

/** The largest difference between two runs' first outputs, relative to the largest magnitude. */
function relativeDifference(a: RunResult, b: RunResult): number {
  const [x, y] = [a.outputs[0]!.data, b.outputs[0]!.data];
  return maxAbsDifference(x, y) / Math.max(...y.map(Math.abs));
}

describe("inference engines", () => {
  const temp = useTempDir();

  it("auto takes the nnspec executor, which computes what the Layers model does, from a spec or a directory", async () => {
    const options = { seed: 6, batch: 3 };
    const executor = await run(lstm, options);
    expect(executor.engine).toBe("nnspec");
    expect(executor.backend).toMatch(/^nnspec-(wasm-simd|js)$/);
    const layers = await run(lstm, { ...options, engine: "layers", backend: "cpu" });
    expect(layers).toMatchObject({ engine: "layers", backend: "cpu" });
    expect(executor.outputs[0]!.shape).toEqual([3, 20, 200]);
    expect(relativeDifference(executor, layers)).toBeLessThan(1e-5);

    await compileToDirectory(lstm, temp("lstm"), { seed: 6, backend: "cpu" });
    const compiled = await run({ directory: temp("lstm") }, { ...options, engine: "nnspec" });
    expect(compiled.engine).toBe("nnspec");
    expect(relativeDifference(compiled, layers)).toBeLessThan(1e-5);
  });

  it("auto runs on TensorFlow.js when a backend is asked for, or the executor cannot run the model", async () => {
    expect((await run(lstm, { seed: 1, batch: 1, backend: "cpu" })).engine).toBe("layers");
    // The executor combines masks along the last axis only: a Concatenate along time is left to tfjs.
    const masked = `model Masked {
  input ids: int32[batch, 5]
  e = ids |> Embedding(10, 3, mask_zero=true)
  output y = concatenate(e, e, axis=1)
}`;
    const result = await run(masked, { seed: 1, batch: 2 });
    expect(result.engine).toBe("layers");
    expect(result.notes).toEqual([expect.stringMatching(/^the nnspec executor cannot run layer '\w+' \(.+\): running it on TensorFlow\.js$/)]);
  });
});
