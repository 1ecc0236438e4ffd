import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";

async function nnspec(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIO();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

const MODEL_FILES = ["group1-shard1of1.bin", "model.json", "nnspec.json"];

describe("nnspec compile", () => {
  const temp = useTempDir();

  it("writes the model directory, prints the summary, and the backend on stderr", async () => {
    const result = await nnspec("compile", "specs/seed/lstm.nnspec", "-o", temp("lstm"), "--seed", "3", "--backend", "cpu");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Model: "LSTMEncoder"\n/);
    expect(result.stdout).toContain(" Total params: 340,800\n");
    expect(result.stderr).toBe(`backend: cpu\nwrote ${temp("lstm")}: model.json, group1-shard1of1.bin, nnspec.json (seed 3)\n`);
    expect((await readdir(temp("lstm"))).sort()).toEqual(MODEL_FILES);
    const manifest = JSON.parse(await readFile(join(temp("lstm"), "nnspec.json"), "utf8"));
    expect(manifest).toMatchObject({ seed: 3, backend: "cpu", source: { file: "specs/seed/lstm.nnspec" } });
  });

  it("--format json describes what it wrote", async () => {
    const result = await nnspec("compile", "specs/seed/softmax.nnspec", "-o", temp("softmax"), "--seed", "1", "--backend", "cpu", "--format", "json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const files = ["model.json", "group1-shard1of1.bin", "nnspec.json"];
    expect(json).toMatchObject({ emit: "model", output: temp("softmax"), files, backend: "cpu", seed: 1 });
    expect(json.summary.name).toBe("SoftmaxActivation");
    expect(result.stderr).toBe("");
  });

  it("does not overwrite a directory nnspec did not write, unless --force", async () => {
    await mkdir(temp("mine"));
    await writeFile(join(temp("mine"), "notes.txt"), "keep");
    const refused = await nnspec("compile", "specs/seed/softmax.nnspec", "-o", temp("mine"), "--backend", "cpu");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `error NN6008: will not replace '${temp("mine")}': it was not written by nnspec (it has no nnspec.json); --force replaces it`,
    );
    expect(await readdir(temp("mine"))).toEqual(["notes.txt"]);
    const forced = await nnspec("compile", "specs/seed/softmax.nnspec", "-o", temp("mine"), "--backend", "cpu", "--force");
    expect(forced.code).toBe(0);
    expect((await readdir(temp("mine"))).sort()).toEqual(MODEL_FILES);
  });

  it("--emit ir writes the IR alone", async () => {
    const result = await nnspec("compile", "specs/seed/attention.nnspec", "--emit", "ir", "-o", temp("attention.json"));
    expect(result).toEqual({ code: 0, stdout: "", stderr: `wrote ${temp("attention.json")}\n` });
    const ir = JSON.parse(await readFile(temp("attention.json"), "utf8"));
    expect(ir).toMatchObject({ format: "nnspec-ir", version: 1, name: "SentenceAttention" });
  });

  it("prints the diagnostics of a spec with errors, exit 1, writing nothing", async () => {
    await writeFile(temp("broken.nnspec"), "model Broken {\n  input x: float32[batch, 3]\n  output y = x |> Dense(0)\n}\n");
    const result = await nnspec("compile", temp("broken.nnspec"), "-o", temp("out"));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/broken\.nnspec:3:\d+: error NN4\d{3}: /);
    expect(await readdir(temp())).toEqual(["broken.nnspec"]);
  });

  it("needs -o, and a valid seed", async () => {
    const missing = await nnspec("compile", "specs/seed/softmax.nnspec");
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/^nnspec compile: missing --output \(-o DIR\)/) });
    const seed = await nnspec("compile", "specs/seed/softmax.nnspec", "-o", temp("x"), "--seed", "-1");
    expect(seed).toMatchObject({ code: 2, stderr: expect.stringMatching(/^nnspec compile: invalid value '-1' for '--seed'/) });
  });
});
