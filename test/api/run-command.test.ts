import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeNpy } from "../../src/io/npy.js";
import { SEED_CELLS } from "../backend/seed-specs.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";

async function nnspec(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** "(32, 20, 100)" */
const tuple = (shape: readonly number[]): string => `(${shape.join(", ")})`;

describe("nnspec run on the seed cells", () => {
  it.each(SEED_CELLS)("$file prints the notebook's output shape", async (cell) => {
    const batch = String(cell.output[0]);
    const result = await nnspec("run", `specs/seed/${cell.file}`, "--batch", batch, "--seed", "1");
    expect(result.code).toBe(0);
    const [header, row, ...rest] = result.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^output\s+shape\s+dtype\s+min\s+max\s+mean$/);
    expect(row).toMatch(new RegExp(`^\\w+\\s+${tuple(cell.output).replace(/[()]/g, "\\$&")}\\s+float32\\s+-?[\\d.e-]+\\s+-?[\\d.e-]+\\s+-?[\\d.e-]+$`));
    expect(rest).toEqual([]);
    expect(result.stderr).toMatch(/^backend: \S+\nrandom inputs \(seed 1\):\n {2}\w+: (int32|float32) /);
    expect(result.stderr).toMatch(/\ntime: \d+\.\d ms\n$/);
  });
});

describe("nnspec run", () => {
  const temp = useTempDir();

  it("--format json prints exactly backend, outputs and ms", async () => {
    const result = await nnspec("run", "specs/seed/embedding.nnspec", "--batch", "2", "--seed", "3", "--backend", "cpu", "--format", "json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["backend", "outputs", "ms"]);
    expect(json.backend).toBe("cpu");
    expect(json.outputs).toEqual([{ name: "vectors", shape: [2, 20, 100], dtype: "float32", min: expect.any(Number), max: expect.any(Number), mean: expect.any(Number) }]);
    expect(json.outputs[0].min).toBeGreaterThanOrEqual(-0.05);
    expect(json.outputs[0].max).toBeLessThanOrEqual(0.05);
    expect(typeof json.ms).toBe("number");
    expect(result.stderr).toBe("");
  });

  it("reads inputs from .npy and .json files and writes the outputs", async () => {
    await writeFile(temp("ones.npy"), writeNpy({ dtype: "float32", data: new Float32Array(12 * 20 * 5).fill(1), shape: [12, 20, 5] }));
    const result = await nnspec("run", "specs/seed/softmax.nnspec", "--input", `x=${temp("ones.npy")}`, "--backend", "cpu", "--output", temp("y.json"));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^y\s+\(12, 20, 5\)\s+float32\s+0\.2\s+0\.2\s+0\.2$/m);
    expect(result.stderr).toContain(`wrote ${temp("y.json")}\n`);
    const y: number[][][] = JSON.parse(await readFile(temp("y.json"), "utf8")).y;
    expect(y.length).toBe(12);
    for (const row of y.flat()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);

    await writeFile(temp("ids.json"), JSON.stringify([Array.from({ length: 20 }, (_, i) => i * 49)]));
    const tokens = await nnspec("run", "specs/seed/embedding.nnspec", "--input", `tokens=${temp("ids.json")}`, "--backend", "cpu", "--format", "json");
    expect(JSON.parse(tokens.stdout).outputs[0].shape).toEqual([1, 20, 100]);
  });

  it("reports bad input as a diagnostic naming the input, exit 1, never a stack trace", async () => {
    const ids = Array.from({ length: 20 }, (_, i) => i);
    ids[7] = 1000;
    await writeFile(temp("ids.json"), JSON.stringify([ids]));
    const result = await nnspec("run", "specs/seed/embedding.nnspec", "--input", `tokens=${temp("ids.json")}`, "--backend", "cpu");
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${temp("ids.json")}:1:1: error NN6005: token ID 1000 at [0, 7] of input 'tokens' ('${temp("ids.json")}') is outside the ` +
        "vocabulary of Embedding 'vectors' (input_dim 1000): IDs must be in [0, 1000)\n\n1 error\n",
    });

    await writeFile(temp("bad.json"), "[[1, 2], [3]]");
    const malformed = await nnspec("run", "specs/seed/embedding.nnspec", "--input", `tokens=${temp("bad.json")}`, "--format", "json");
    expect(malformed.code).toBe(1);
    expect(JSON.parse(malformed.stderr)).toEqual([
      expect.objectContaining({
        code: "NN6002",
        file: temp("bad.json"),
        message: "input 'tokens': the arrays are ragged: the element at [1] has 1 element but the first has 2",
      }),
    ]);

    const unknown = await nnspec("run", "specs/seed/embedding.nnspec", "--input", `words=${temp("ids.json")}`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error NN6010: the model has no input 'words'; its inputs are 'tokens'");
  });

  it("runs a compiled directory; --set does not apply to one", async () => {
    expect((await nnspec("compile", "specs/seed/embedding.nnspec", "-o", temp("model"), "--seed", "2", "--backend", "cpu")).code).toBe(0);
    // The same seed: the weights the directory was compiled with, and the same random inputs.
    const fromDir = await nnspec("run", temp("model"), "--batch", "4", "--seed", "2", "--backend", "cpu", "--output", temp("out"));
    const fromSpec = await nnspec("run", "specs/seed/embedding.nnspec", "--batch", "4", "--seed", "2", "--backend", "cpu");
    expect(fromDir.code).toBe(0);
    expect(fromDir.stdout).toMatch(/^vectors\s+\(4, 20, 100\)\s+float32/m);
    expect(fromDir.stdout).toBe(fromSpec.stdout);
    expect(fromDir.stderr).toContain("random inputs (seed 2):");
    expect(await readFile(temp("out/vectors.npy"))).toHaveLength(128 + 4 * 20 * 100 * 4);

    const set = await nnspec("run", temp("model"), "--set", "vocab_size=5");
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/^nnspec run: --set applies to spec files; a compiled model's parameters are fixed\n/);
    expect((await nnspec("run", temp(), "--backend", "cpu")).stderr).toMatch(/error NN6009: '.*' is not a compiled nnspec model: cannot read nnspec\.json/);
  });

  it("checks where the outputs go before running, and its own flags", async () => {
    const spec = temp("two.nnspec");
    await writeFile(spec, "model Two {\n  input x: float32[batch, 3]\n  output a = x |> Dense(2)\n  output b = x |> Dense(1)\n}\n");
    const result = await nnspec("run", spec, "--output", temp("out.npy"), "--backend", "cpu");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error NN6006: cannot write the outputs: a .npy file holds one array but the model has 2 outputs (a, b)");
    expect((await nnspec("run", spec, "--batch", "0")).stderr).toMatch(/^nnspec run: invalid value '0' for '--batch': expected an integer of at least 1\n/);
    expect((await nnspec("run", spec, "--executor", "fast")).code).toBe(2);
  });
});
