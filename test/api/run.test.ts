import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SpecError } from "../../src/api/build.js";
import { compileToDirectory } from "../../src/api/compile.js";
import { prepareRun, run } from "../../src/api/run.js";
import { BackendError } from "../../src/backend/errors.js";
import { useTempDir } from "../cli/support/temp-dir.js";

function seedSpec(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../specs/seed/${name}`, import.meta.url)), "utf8");
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

const tokens = `model Tokens {
  input ids: int32[batch, 4]
  output vectors = ids |> Embedding(10, 3)
}
`;

describe("run", () => {
  const temp = useTempDir();

  it("softmax cell: an all-ones (12, 20, 5) input sums to 1.0 over axis 2", async () => {
    const ones = { dtype: "float32" as const, data: new Float32Array(12 * 20 * 5).fill(1), shape: [12, 20, 5] };
    const result = await run(seedSpec("softmax.nnspec"), { inputs: { x: ones }, backend: "cpu" });
    const [y] = result.outputs;
    expect(y).toMatchObject({ name: "y", dtype: "float32", shape: [12, 20, 5] });
    for (let row = 0; row < 12 * 20; row++) {
      let sum = 0;
      for (let k = 0; k < 5; k++) sum += y!.data[row * 5 + k]!;
      expect(sum).toBeCloseTo(1, 6);
    }
    expect(y!.mean).toBeCloseTo(0.2, 6);
    expect(result.inputs.random).toBe(false);
  });

  it("gives the same outputs for a spec and its compiled directory, with the same seed", async () => {
    const dir = temp("tokens");
    await compileToDirectory(tokens, dir, { seed: 4, backend: "cpu" });
    const fromSpec = await run(tokens, { seed: 4, batch: 3, backend: "cpu" });
    const fromDir = await run({ directory: dir }, { seed: 4, batch: 3, backend: "cpu" });
    expect(fromSpec.backend).toBe("cpu");
    expect(fromSpec.outputs[0]!.shape).toEqual([3, 4, 3]);
    expect(fromDir.outputs[0]!.data).toEqual(fromSpec.outputs[0]!.data);
    expect(fromDir.outputs[0]).toMatchObject({ min: fromSpec.outputs[0]!.min, max: fromSpec.outputs[0]!.max, mean: fromSpec.outputs[0]!.mean });
    expect(fromDir.ms).toBeGreaterThan(0);
  });

  it("checks inputs before building anything, and reports spec errors as diagnostics", async () => {
    const bad = { dtype: "int32" as const, data: Int32Array.from([1, 2, 3, 10]), shape: [1, 4] };
    const error = await caught(prepareRun(tokens, { inputs: { ids: bad } }));
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "TokenOutOfVocabulary" });
    const spec = await caught(run("model M {\n  output y = nothing\n}\n"));
    expect(spec).toBeInstanceOf(SpecError);
  });

  it("refuses a directory that is not a compiled model, naming what is wrong", async () => {
    const missing = await caught(run({ directory: temp() }, { backend: "cpu" }));
    expect(missing).toMatchObject({
      code: "InvalidModelDirectory",
      file: temp(),
      message: `'${temp()}' is not a compiled nnspec model: cannot read nnspec.json: no such file or directory`,
    });

    const dir = temp("tokens");
    await compileToDirectory(tokens, dir, { seed: 1, backend: "cpu" });
    const modelJson = JSON.parse(readFileSync(join(dir, "model.json"), "utf8"));
    modelJson.weightsManifest[0].paths = ["../elsewhere.bin"];
    await writeFile(join(dir, "model.json"), JSON.stringify(modelJson));
    expect(await caught(run({ directory: dir }))).toMatchObject({ message: expect.stringMatching(/names a weight file outside the directory: '\.\.\/elsewhere\.bin'$/) });

    modelJson.weightsManifest[0].paths = ["group1-shard1of1.bin"];
    modelJson.modelTopology.config.layers[1].config.output_dim = 4;
    modelJson.weightsManifest[0].weights[0].shape = [10, 4];
    await writeFile(join(dir, "model.json"), JSON.stringify(modelJson));
    expect(await caught(run({ directory: dir }))).toMatchObject({ message: expect.stringMatching(/lists 160$/) });
  });

  it("refuses a model.json that no longer matches the IR in nnspec.json", async () => {
    const dir = temp("tokens");
    await compileToDirectory(tokens, dir, { seed: 1, backend: "cpu" });
    const manifest = JSON.parse(readFileSync(join(dir, "nnspec.json"), "utf8"));
    manifest.ir.outputs[0].shape = ["batch", 4, 7];
    manifest.ir.nodes[0].outputs[0].shape = ["batch", 4, 7];
    await writeFile(join(dir, "nnspec.json"), JSON.stringify(manifest));
    const error = await caught(run({ directory: dir }, { backend: "cpu", batch: 2 }));
    expect(error).toMatchObject({
      code: "InvalidModelDirectory",
      message: expect.stringMatching(/^model\.json does not match the IR in nnspec\.json: .*\[\?, 4, 3\] in TensorFlow\.js but \[batch, 4, 7\]/),
    });
  });
});
