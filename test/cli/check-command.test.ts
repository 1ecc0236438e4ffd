import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createCheckCommand } from "../../src/cli/commands/check.js";
import type { JsonDiagnostic } from "../../src/cli/render-json.js";
import { captureIO } from "./support/capture-io.js";
import { fakeCheck } from "./support/fake-check.js";
import { useTempDir } from "./support/temp-dir.js";

describe("nnspec check (with a fake compiler)", () => {
  const temp = useTempDir();

  async function run(argv: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) {
    const api = fakeCheck();
    const captured = captureIO(options);
    const code = await createCheckCommand(api).run(argv, captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr(), calls: api.calls };
  }

  async function spec(name: string, text: string): Promise<string> {
    await writeFile(temp(name), text);
    return temp(name);
  }

  it("prints nothing and exits 0 for a clean file", async () => {
    const file = await spec("clean.nnspec", "model M {}\n");
    expect(await run([file])).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("prints the count line for a clean file with --verbose", async () => {
    const a = await spec("a.nnspec", "model A {}\n");
    const b = await spec("b.nnspec", "model B {}\n");
    expect((await run(["--verbose", a, b])).stdout).toBe("no problems in 2 files\n");
  });

  it("exits 0 on warnings only, and 1 with --strict", async () => {
    const file = await spec("warn.nnspec", "model M { WARN }\n");
    const relaxed = await run([file]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain(`${file}:1:11: warning NN5001: fake WARN`);
    expect(relaxed.stdout.endsWith("\n1 warning\n")).toBe(true);
    expect((await run(["--strict", file])).code).toBe(1);
  });

  it("exits 1 on errors and prints them to stdout with the source line", async () => {
    const file = await spec("bad.nnspec", "model M {\n  x = ERROR\n}\n");
    const result = await run([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [`${file}:2:7: error NN2001: fake ERROR`, "    2 |   x = ERROR", "      |       ^~~~~", "", "1 error", ""].join("\n"),
    );
  });

  it("reports every file, in the order given, with one count line", async () => {
    const b = await spec("b.nnspec", "ERROR WARN\n");
    const a = await spec("a.nnspec", "WARN ERROR\n");
    const { stdout } = await run([b, a]);
    const headers = stdout.split("\n").filter((line) => /^\S+:\d+:\d+: (error|warning) /.test(line));
    expect(headers.map((h) => h.split(":")[0])).toEqual([b, b, a, a]);
    // Within a file, diagnostics are in source order.
    expect(headers[2]).toContain(":1:1: warning");
    expect(stdout.match(/2 errors, 2 warnings/g)).toHaveLength(1);
  });

  it("exits 2 when a file is missing, still checking and reporting the others", async () => {
    const bad = await spec("bad.nnspec", "ERROR\n");
    const missing = temp("missing.nnspec");
    const result = await run([missing, bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`${missing}:1:1: error NN1001: cannot find '${missing}'`);
    expect(result.stdout).toContain(`${bad}:1:1: error NN2001`);
    expect(result.calls).toHaveLength(1);
  });

  it("prints one JSON array for all files with --format json", async () => {
    const a = await spec("a.nnspec", "ERROR\n");
    const b = await spec("b.nnspec", "  WARN\n");
    const result = await run(["--format", "json", a, b, temp("none.nnspec")]);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as JsonDiagnostic[];
    expect(parsed.map((d) => [d.code, d.line, d.column, d.endColumn])).toEqual([
      ["NN2001", 1, 1, 6],
      ["NN5001", 1, 3, 7],
      ["NN1001", 1, 1, 1],
    ]);
  });

  it("prints an empty JSON array for clean files", async () => {
    const file = await spec("clean.nnspec", "model M {}\n");
    expect(await run(["--format=json", file])).toMatchObject({ code: 0, stdout: "[]\n" });
  });

  it("passes --set overrides and the file name to the compiler", async () => {
    const file = await spec("p.nnspec", "model M {}\n");
    const { calls } = await run([file, "--set", "units=300", "--set", "rate=0.5"]);
    expect(calls).toEqual([{ file, params: { units: "300", rate: "0.5" }, readFile: expect.any(Function) }]);
  });

  it("colours only a terminal, and never with NO_COLOR or --color=never", async () => {
    const file = await spec("bad.nnspec", "ERROR\n");
    expect((await run([file])).stdout).not.toContain("\x1b[");
    expect((await run([file], { isTTY: true })).stdout).toContain("\x1b[");
    expect((await run([file], { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\x1b[");
    expect((await run(["--color=never", file], { isTTY: true })).stdout).not.toContain("\x1b[");
    expect((await run(["--color", "always", file])).stdout).toContain("\x1b[");
  });

  it("rejects a missing FILE and unknown flags with usage on stderr and exit 2", async () => {
    const none = await run([]);
    expect(none).toMatchObject({ code: 2, stdout: "" });
    expect(none.stderr).toContain("nnspec check: missing FILE\nusage: nnspec check [options] FILE...");
    const typo = await run(["--stirct", "x.nnspec"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown option '--stirct'; did you mean '--strict'?");
    expect(typo.calls).toHaveLength(0);
  });

  it("prints its help on stdout", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: nnspec check \[options\] FILE\.\.\./);
    for (const option of ["--set NAME=VALUE", "--format text|json", "--strict", "--verbose", "--color auto|always|never", "-h, --help"]) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain("endColumn is exclusive");
  });
});
