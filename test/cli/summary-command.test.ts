import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/api/check.js";
import type { ModelSummary } from "../../src/api/summary.js";
import { createSummaryCommand } from "../../src/cli/commands/summary.js";
import { captureIO } from "./support/capture-io.js";
import { fakeDiagnostics } from "./support/fake-check.js";
import { useTempDir } from "./support/temp-dir.js";

const summary: ModelSummary = {
  name: "Tiny",
  inputs: [{ name: "x", dtype: "int32", shape: ["batch", 20] }],
  outputs: [{ name: "e", dtype: "float32", shape: ["batch", 20, 100] }],
  layers: [
    { name: "x", type: "InputLayer", output_shapes: [["batch", 20]], params: 0 },
    { name: "e", type: "Embedding", output_shapes: [["batch", 20, 100]], params: 100000 },
  ],
  params: { total: 100000, trainable: 100000 },
};

/** Summarises any source without an ERROR, with the fake diagnostics of fake-check. */
function fakeSummarize(source: string, options: CheckOptions = {}) {
  const diagnostics = fakeDiagnostics(source, options.file ?? "<input>");
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { diagnostics, summary };
}

describe("nnspec summary (with a fake compiler)", () => {
  const temp = useTempDir();

  async function run(argv: string[]) {
    const captured = captureIO();
    const code = await createSummaryCommand({ summarize: fakeSummarize }).run(argv, captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  async function spec(text: string): Promise<string> {
    await writeFile(temp("model.nnspec"), text);
    return temp("model.nnspec");
  }

  it("prints the table on stdout", async () => {
    const result = await run([await spec("model Tiny {}\n")]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain('Model: "Tiny"');
    expect(result.stdout).toContain("│ e     │ Embedding  │ (batch, 20, 100) │ 100,000 │");
    expect(result.stdout).toContain(" Total params: 100,000\n");
  });

  it("draws ASCII borders with --ascii", async () => {
    const { stdout } = await run(["--ascii", await spec("model Tiny {}\n")]);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("prints exactly the summary object with --format json", async () => {
    const { code, stdout } = await run(["--format", "json", await spec("model Tiny {}\n")]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(summary);
  });

  it("keeps stdout clean: warnings go to stderr", async () => {
    const { code, stdout, stderr } = await run(["--format=json", await spec("WARN\n")]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(summary);
    expect(JSON.parse(stderr)).toMatchObject([{ code: "NN5001", line: 1, column: 1 }]);
  });

  it("prints diagnostics and exits 1 when the spec has errors", async () => {
    const file = await spec("x = ERROR\n");
    const { code, stdout, stderr } = await run([file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file}:1:5: error NN2001: fake ERROR\n    1 | x = ERROR\n`);
  });

  it("exits 2 for a file it cannot read", async () => {
    const { code, stderr } = await run([temp("missing.nnspec")]);
    expect(code).toBe(2);
    expect(stderr).toContain("error NN1001");
  });

  it("takes exactly one FILE", async () => {
    const { code, stderr } = await run(["a.nnspec", "b.nnspec"]);
    expect(code).toBe(2);
    expect(stderr).toContain("nnspec summary: unexpected argument 'b.nnspec'\nusage: nnspec summary [options] FILE\n");
  });
});
