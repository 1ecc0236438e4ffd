import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { build, SpecError } from "../../src/api/build.js";
import { compileToDirectory, emitIR } from "../../src/api/compile.js";
import { BackendError } from "../../src/backend/errors.js";
import { packageVersion } from "../../src/cli/version.js";
import { validateIR } from "../../src/ir/schema.js";
import { maxAbsDifference } from "../backend/arrays.js";
import { useTempDir } from "../cli/support/temp-dir.js";

/** Shared weights, recurrent layers and a Subtract (lowered to Add and Rescaling). */
const spec = `model Contrast {
  input a: int32[batch, 6]
  input b: int32[batch, 6]
  embedding = Embedding(30, 4)
  ha = a |> embedding |> LSTM(5, return_sequences=true)
  hb = b |> embedding |> LSTM(5, return_sequences=true)
  output diff = ha - hb
}
`;

/** Reads a Layers model from a directory with node:fs alone, as any TensorFlow.js user would. */
function fileHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const modelJson = JSON.parse(await readFile(join(dir, "model.json"), "utf8"));
      const [group] = modelJson.weightsManifest;
      const bin = await readFile(join(dir, group.paths[0]));
      return {
        modelTopology: modelJson.modelTopology,
        format: modelJson.format,
        weightSpecs: group.weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      };
    },
  };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("compileToDirectory", () => {
  const temp = useTempDir();

  it("writes a model that plain tf.loadLayersModel reads, predicting what the in-memory model does", async () => {
    const out = temp("model");
    const result = await compileToDirectory(spec, out, { file: "contrast.nnspec", seed: 5, backend: "cpu" });
    expect(result).toMatchObject({ directory: out, files: ["model.json", "group1-shard1of1.bin", "nnspec.json"], backend: "cpu", seed: 5 });
    expect((await readdir(out)).sort()).toEqual(["group1-shard1of1.bin", "model.json", "nnspec.json"]);

    const modelJson = JSON.parse(await readFile(join(out, "model.json"), "utf8"));
    expect(modelJson.format).toBe("layers-model");
    expect(modelJson.generatedBy).toMatch(/^TensorFlow\.js tfjs-layers v4\.22/);
    const classes = modelJson.modelTopology.config.layers.map((layer: { class_name: string }) => layer.class_name);
    expect(classes).toEqual(expect.arrayContaining(["Add", "Rescaling", "LSTM", "Embedding"]));
    expect(classes.filter((name: string) => name.includes(">"))).toEqual([]); // only tfjs's own classes

    const loaded = await tf.loadLayersModel(fileHandler(out));
    const { model } = await build(spec, { file: "contrast.nnspec", seed: 5, backend: "cpu" });
    const [fromFile, inMemory] = tf.tidy(() => {
      const a = tf.tensor2d([[0, 1, 2, 3, 4, 5], [29, 28, 27, 26, 25, 24]], undefined, "int32");
      const b = tf.tensor2d([[5, 5, 5, 5, 5, 5], [0, 0, 0, 0, 0, 0]], undefined, "int32");
      return [loaded, model].map((m) => (m.predict([a, b]) as tf.Tensor).dataSync());
    });
    expect(fromFile!.length).toBe(2 * 6 * 5);
    expect(maxAbsDifference(fromFile!, inMemory!)).toBe(0);
    expect(Math.max(...inMemory!.map(Math.abs))).toBeGreaterThan(0);
    loaded.dispose();
    model.dispose();
  });

  it("records the IR, the source, the seed, the version and the backend in nnspec.json", async () => {
    const out = temp("model");
    await compileToDirectory(spec, out, { file: "contrast.nnspec", seed: 9, backend: "cpu" });
    const manifest = JSON.parse(await readFile(join(out, "nnspec.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "nnspec-model", version: 1, nnspec: packageVersion(), seed: 9, backend: "cpu" });
    expect(manifest.source).toEqual({ file: "contrast.nnspec", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(validateIR(manifest.ir).ok).toBe(true);
    expect(manifest.ir.name).toBe("Contrast");
  });

  it("replaces its own output, but not a directory it did not write unless forced", async () => {
    const out = temp("model");
    await compileToDirectory(spec, out, { seed: 1, backend: "cpu" });
    await compileToDirectory(spec, out, { seed: 2, backend: "cpu" });
    expect(JSON.parse(await readFile(join(out, "nnspec.json"), "utf8")).seed).toBe(2);

    const precious = temp("precious");
    await mkdir(precious);
    await writeFile(join(precious, "notes.txt"), "mine");
    const error = await caught(compileToDirectory(spec, precious, { seed: 1, backend: "cpu" }));
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "OutputExists", file: precious });
    expect((error as Error).message).toBe(`will not replace '${precious}': it was not written by nnspec (it has no nnspec.json); --force replaces it`);
    expect(await readdir(precious)).toEqual(["notes.txt"]);

    await compileToDirectory(spec, precious, { seed: 1, backend: "cpu", force: true });
    expect((await readdir(precious)).sort()).toEqual(["group1-shard1of1.bin", "model.json", "nnspec.json"]);
  });

  it("writes nothing for a spec with errors, or when the build fails", async () => {
    const error = await caught(compileToDirectory("model Broken {\n  input x: float32[batch, 3]\n  output y = x |> Dense(0)\n}\n", temp("out")));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).diagnostics.some((d) => d.severity === "error")).toBe(true);

    const intSubtract = "model Ids {\n  input a: int32[batch, 3]\n  input b: int32[batch, 3]\n  output d = a - b\n}\n";
    const unsupported = await caught(compileToDirectory(intSubtract, temp("out"), { backend: "cpu" }));
    expect(unsupported).toMatchObject({ code: "UnsupportedByBackend" });
    expect(await readdir(temp())).toEqual([]);
  });

  it("never replaces a directory holding the spec, even when forced", async () => {
    await mkdir(temp("specs"));
    const file = join(temp("specs"), "contrast.nnspec");
    const error = await caught(compileToDirectory(spec, temp("specs"), { file, force: true, backend: "cpu" }));
    expect(error).toMatchObject({ code: "OutputExists", message: `will not replace '${temp("specs")}': it contains the spec file '${file}'` });
  });
});

describe("emitIR", () => {
  const temp = useTempDir();

  it("writes the IR as JSON that validates against the schema", async () => {
    const { ir } = await emitIR(spec, temp("contrast.ir.json"), { file: "contrast.nnspec" });
    const written = JSON.parse(await readFile(temp("contrast.ir.json"), "utf8"));
    expect(written).toEqual(JSON.parse(JSON.stringify(ir)));
    expect(validateIR(written).ok).toBe(true);
  });

  it("reports a file it cannot write", async () => {
    const error = await caught(emitIR(spec, temp("missing/ir.json")));
    expect(error).toMatchObject({
      code: "OutputWriteError",
      message: expect.stringMatching(/^cannot write '.*missing\/ir\.json': directory '.*missing' does not exist$/),
    });
  });
});

describe("compiling the same model twice in one process", () => {
  const temp = useTempDir();

  it("writes weight names a fresh process can load (not tfjs's '_1'-suffixed variable names)", async () => {
    const source = `model Twice {\n  input x: float32[batch, 4]\n  output y = x |> Dense(3)\n}`;
    await compileToDirectory(source, temp("first"), { seed: 1, backend: "cpu" });
    await compileToDirectory(source, temp("second"), { seed: 1, backend: "cpu" });
    const manifest = JSON.parse(readFileSync(join(temp("second"), "model.json"), "utf8")) as { weightsManifest: { weights: { name: string }[] }[] };
    expect(manifest.weightsManifest[0]!.weights.map((w) => w.name)).toEqual(["y/kernel", "y/bias"]);
  });
});
