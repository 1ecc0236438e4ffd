import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { run } from "../../src/api/run.js";
import { main } from "../../src/cli/main.js";
import { heatmapSvg } from "../../src/io/heatmap-svg.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const ATTENTION = "specs/seed/attention.nnspec";

async function nnspec(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe("run with a probe", () => {
  it("fetches the attention weights of the seed attention cell, each row a distribution", async () => {
    const source = await readFile(ATTENTION, "utf8");
    const result = await run(source, { file: ATTENTION, probe: "weights", batch: 3, seed: 2, backend: "cpu" });
    expect(result.engine).toBe("layers");
    expect(result.outputs.map((o) => o.name)).toEqual(["h"]);
    const probe = result.probe!;
    expect(probe.name).toBe("weights");
    expect(probe.shape).toEqual([3, 30, 20]);
    for (let row = 0; row < 3 * 30; row++) {
      const sum = Array.from(probe.data.subarray(row * 20, row * 20 + 20)).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
  });

  it("names the closest tensor binding for an unknown name", async () => {
    const source = await readFile(ATTENTION, "utf8");
    await expect(run(source, { file: ATTENTION, probe: "weight", backend: "cpu" })).rejects.toMatchObject({
      code: "UnknownProbe",
      message: expect.stringContaining("did you mean 'weights'?"),
    });
  });

  it("fetches the second call of a shared layer: its own input, the shared weights", async () => {
    const source = `model Shared {
  input a: int32[batch, 4]
  input b: int32[batch, 6]
  embedding = Embedding(50, 3)
  ea = a |> embedding
  eb = b |> embedding
  output y = concatenate(ea, eb, axis=1) |> Dense(2)
}`;
    const ids = (values: number[]) => ({ dtype: "int32" as const, data: Int32Array.from(values), shape: [1, values.length] });
    const inputs = { a: ids([7, 8, 9, 10]), b: ids([10, 9, 8, 7, 1, 2]) };
    const probe = async (name: string) => (await run(source, { file: "shared.nnspec", inputs, probe: name, seed: 4, backend: "cpu" })).probe!;
    const [ea, eb] = [await probe("ea"), await probe("eb")];
    expect(eb.shape).toEqual([1, 6, 3]);
    const row = (tensor: typeof ea, step: number) => Array.from(tensor.data.subarray(step * 3, step * 3 + 3));
    // b's first four IDs are a's reversed: the same rows of the one table, in reverse order.
    for (let step = 0; step < 4; step++) expect(row(eb, step)).toEqual(row(ea, 3 - step));
    expect(row(eb, 4)).not.toEqual(row(eb, 5));
  });

  it("refuses a layer binding: it names no single tensor", async () => {
    const source = await readFile(ATTENTION, "utf8");
    await expect(run(source, { file: ATTENTION, probe: "embedding", backend: "cpu" })).rejects.toMatchObject({ code: "ProbeNotTensor" });
  });
});

describe("nnspec run --probe --plot", () => {
  const temp = useTempDir();

  it("prints the probe's row and writes a heatmap with one cell per element of the first batch row", async () => {
    const plot = temp("heat.svg");
    const result = await nnspec("run", ATTENTION, "--probe", "weights", "--plot", plot, "--batch", "2", "--seed", "1", "--backend", "cpu");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nweights \(probe\)\s+\(2, 30, 20\)\s+float32 /);
    expect(result.stderr).toContain("note: a probe runs the model on TensorFlow.js");
    const svg = await readFile(plot, "utf8");
    expect(svg.match(/<rect class="cell"/g)).toHaveLength(30 * 20);
  });

  it("probes a compiled directory by the layer its binding names", async () => {
    expect((await nnspec("compile", ATTENTION, "-o", temp("model"), "--seed", "4", "--backend", "cpu")).code).toBe(0);
    const result = await nnspec("run", temp("model"), "--probe", "weights", "--batch", "1", "--format", "json", "--backend", "cpu");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).probe).toMatchObject({ name: "weights", shape: [1, 30, 20], min: expect.any(Number) });
    const unknown = await nnspec("run", temp("model"), "--probe", "bilstm", "--backend", "cpu");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NN6051.*did you mean 'bilstm[12]'\?/);
  });

  it("reports an unknown name with NN6051 and a suggestion, exit 1, and writes nothing", async () => {
    const plot = temp("heat.svg");
    const result = await nnspec("run", ATTENTION, "--probe", "wieghts", "--plot", plot, "--backend", "cpu");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("NN6051");
    expect(result.stderr).toContain("did you mean 'weights'?");
    await expect(readFile(plot)).rejects.toThrow();
  });

  it("refuses to plot a tensor with one axis besides the batch with NN6053", async () => {
    const spec = temp("pooled.nnspec");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(spec, "model M {\n  input x: float32[batch, 4]\n  hidden = x |> Dense(3, activation=\"relu\")\n  output y = hidden |> Dense(2)\n}\n");
    const result = await nnspec("run", spec, "--probe", "hidden", "--plot", temp("heat.svg"), "--backend", "cpu");
    expect(result.stderr).toContain("NN6053");
    expect(result.stderr).not.toContain("backend:");
    expect(result.code).toBe(1);
  });

  it("--plot without --probe is a usage error", async () => {
    expect((await nnspec("run", ATTENTION, "--plot", temp("heat.svg"))).code).toBe(2);
  });
});

describe("heatmapSvg", () => {
  it("draws the last two axes of the first batch row, darkest where the value is largest", () => {
    const data = Float32Array.from([0, 1, 0.5, 0, /* second batch row */ 9, 9, 9, 9]);
    const svg = heatmapSvg({ dtype: "float32", data, shape: [2, 2, 2] }, { title: "a <b>", columnLabels: ["x", "y"] });
    const fills = [...svg.matchAll(/<rect class="cell"[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(fills).toEqual(["#ffffff", "#08306b", "#8498b5", "#ffffff"]);
    expect(svg).toContain("a &lt;b&gt;");
    expect(svg).toContain(">y</text>");
    expect(() => heatmapSvg({ dtype: "float32", data, shape: [8] }, { title: "" })).toThrow(RangeError);
  });
});
