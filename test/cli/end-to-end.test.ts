import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { JsonDiagnostic } from "../../src/cli/render-json.js";
import { captureIO } from "./support/capture-io.js";
import { useTempDir } from "./support/temp-dir.js";

const clean = `model WordEmbedding {
  vocab_size = 1000
  input tokens: int32[batch, 20]
  output vectors: [batch, 20, 100] = tokens |> Embedding(vocab_size, 100)
}
`;

const warning = `model Ignored {
  input x: float32[batch, 8]
  input mask: float32[batch, 8]
  output y = x |> Dense(2, activation="relu")
}
`;

const error = `model Residual {
  input x: float32[batch, 20, 5]
  h = x |> Dense(6)
  output y = x + h
}
`;

describe("main with the real compiler", () => {
  const temp = useTempDir();

  async function spec(name: string, text: string): Promise<string> {
    await writeFile(temp(name), text);
    return temp(name);
  }

  async function run(argv: string[]) {
    const captured = captureIO();
    const code = await main(argv, captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  it("exits 0 silently for a clean spec", async () => {
    expect(await run(["check", await spec("clean.nnspec", clean)])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("exits 0 on a warning, 1 with --strict", async () => {
    const file = await spec("warning.nnspec", warning);
    const relaxed = await run(["check", file]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain(`${file}:3:9: warning NN5003:`);
    expect(relaxed.stdout).toContain("    3 |   input mask: float32[batch, 8]\n      |         ^~~~");
    expect((await run(["check", "--strict", file])).code).toBe(1);
  });

  it("exits 1 on an error, with the source line underlined", async () => {
    const file = await spec("error.nnspec", error);
    const { code, stdout } = await run(["check", file]);
    expect(code).toBe(1);
    expect(stdout.startsWith(`${file}:4:`)).toBe(true);
    expect(stdout.split("\n")[0]).toContain(": error NN3001: ");
    expect(stdout).toContain("    4 |   output y = x + h\n");
    expect(stdout.endsWith("1 error\n")).toBe(true);
  });

  it("prints parseable JSON for several files and exits 2 when one is missing", async () => {
    const files = [await spec("w.nnspec", warning), await spec("e.nnspec", error), temp("missing.nnspec")];
    const { code, stdout } = await run(["check", "--format", "json", ...files]);
    expect(code).toBe(2);
    const parsed = JSON.parse(stdout) as JsonDiagnostic[];
    expect(parsed.map((d) => [d.file, d.code])).toEqual([
      [files[0], "NN5003"],
      [files[1], "NN3001"],
      [files[2], "NN1001"],
    ]);
    expect(parsed[0]).toMatchObject({ line: 3, column: 9, endLine: 3, endColumn: 13, severity: "warning" });
  });

  it("passes --set to the compiler, which reports a bad override", async () => {
    const file = await spec("clean.nnspec", clean);
    expect((await run(["check", file, "--set", "vocab_size=5000"])).code).toBe(0);
    const unknown = await run(["check", file, "--set", "vocab_sise=5000", "--format=json"]);
    expect(unknown.code).toBe(1);
    expect((JSON.parse(unknown.stdout) as JsonDiagnostic[]).map((d) => d.code)).toEqual(["NN2009"]);
    const wrongType = await run(["check", file, "--set", "vocab_size=many", "--format=json"]);
    expect((JSON.parse(wrongType.stdout) as JsonDiagnostic[]).map((d) => d.code)).toEqual(["NN2010"]);
  });

  it("prints the summary table and its JSON", async () => {
    const file = await spec("clean.nnspec", clean);
    const table = await run(["summary", file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Model: "WordEmbedding"');
    expect(table.stdout).toMatch(/│ vectors +│ Embedding +│ \(batch, 20, 100\) +│ +100,000 │/);
    const json = await run(["summary", "--format=json", file]);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: "WordEmbedding", params: { total: 100000, trainable: 100000 } });
  });

  it("reads imported blocks for every command that takes a spec: check, summary, run, compile, vocab, train", async () => {
    await spec("lib.nnspec", "block Project(x, units=3) {\n  output y = x |> Dense(units)\n}\n");
    const main = await spec("main.nnspec", 'import { Project } from "lib.nnspec"\nmodel M {\n  input x: float32[batch, 4]\n  output y = Project(x, units=2)\n}\n');
    expect((await run(["check", main])).code).toBe(0);
    expect((await run(["summary", main])).stdout).toContain("Total params: 10");
    const ran = await run(["run", main, "--batch", "2", "--format", "json"]);
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout).outputs[0].shape).toEqual([2, 2]);
    expect((await run(["compile", main, "-o", temp("model"), "--backend", "cpu"])).code).toBe(0);
    // A broken import is reported where it is written, by each of them alike.
    await spec("lib.nnspec", "block Project(x, units=3) {\n  output y = x |> Dense(units - 3)\n}\n");
    for (const command of [["run", main], ["compile", main, "-o", temp("other")], ["train", main, "--data", temp("none.csv"), "-o", temp("run")]]) {
      const result = await run(command);
      expect(result.code, command[0]).toBe(1);
      expect(result.stderr, command[0]).toContain("lib.nnspec:2:");
      expect(result.stderr, command[0]).toContain("    2 |   output y = x |> Dense(units - 3)");
      expect(result.stderr, command[0]).not.toContain("NN2026");
    }
  });

  it("exits 1 from summary when the spec has errors", async () => {
    const { code, stdout, stderr } = await run(["summary", await spec("error.nnspec", error)]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("error NN3001");
  });
});

const bin = fileURLToPath(new URL("../../bin/nnspec.js", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url)));

describe("the installed bin", () => {
  const temp = useTempDir();

  // dist/ exists after `npm install` (prepare builds it); without a build there is nothing to spawn.
  it.skipIf(!built)("runs check as a process and sets the exit code", async () => {
    await writeFile(temp("error.nnspec"), error);
    const result = await promisify(execFile)(process.execPath, [bin, "check", temp("error.nnspec")], {
      env: { ...process.env, NO_COLOR: "1" },
    }).then(
      () => ({ code: 0, stdout: "" }),
      (failure: { code: number; stdout: string }) => failure,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error NN3001");
  });

  it.skipIf(!built)("checks with the option validators compiled at build time: ajv is not even loaded", async () => {
    const script = [
      'import { createRequire } from "node:module";',
      'import { check } from "./dist/index.js";',
      'const { ir } = check("model M {\\n input x: float32[batch, 3]\\n output y = x |> Dense(4, activation=\\"relu\\")\\n}");',
      'const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) => path.includes("/node_modules/ajv/"));',
      'console.log(JSON.stringify({ units: ir.layers[0].options.units, bias: ir.layers[0].options.use_bias, loaded }));',
    ].join("\n");
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual({ units: 4, bias: true, loaded: [] });
  });
});
