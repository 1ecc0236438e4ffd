import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";
import { seedDirectory, seedFiles } from "./seed-specs.js";

const attention = join(seedDirectory, "attention.nnspec");

const broken = `model Residual {
  input x: float32[batch, 20, 5]
  h = x |> Dense(6)
  output y = x + h
}
`;

async function run(argv: string[]) {
  const captured = captureIO();
  const code = await main(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe("nnspec graph", () => {
  const temp = useTempDir();

  it("writes an SVG drawing of the model", async () => {
    const result = await run(["graph", attention, "-o", temp("attention.svg")]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    const svg = await readFile(temp("attention.svg"), "utf8");
    expect(svg).toMatch(/^(<\?xml|<svg)/);
    expect(svg).toContain("</svg>");
    for (const name of ["sentence1", "sentence2", "embedding", "bilstm1", "bilstm2", "product", "weights", "context", "h"]) {
      expect(svg).toContain(`>${name}</text>`);
    }
    expect(svg).toContain("shared ×2");
  });

  it.each([
    ["model.dot", /^digraph "SentenceAttention" \{/],
    ["model.gv", /^digraph "SentenceAttention" \{/],
    ["model.mmd", /^---\ntitle: "SentenceAttention"\n---\nflowchart TB\n/],
    ["model.mermaid", /^---\ntitle: "SentenceAttention"\n---\nflowchart TB\n/],
    ["MODEL.SVG", /^(<\?xml|<svg)/],
  ])("takes the format from the extension of %s", async (name, start) => {
    expect((await run(["graph", attention, "-o", temp(name)])).code).toBe(0);
    expect(await readFile(temp(name), "utf8")).toMatch(start);
  });

  it("lets --format override the extension, and accepts --output", async () => {
    expect((await run(["graph", attention, "--output", temp("diagram.txt"), "--format", "mmd"])).code).toBe(0);
    expect(await readFile(temp("diagram.txt"), "utf8")).toContain("flowchart TB");
  });

  it("writes to stdout with -o - and an explicit format", async () => {
    const result = await run(["graph", attention, "-o", "-", "--format", "dot"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^digraph "SentenceAttention" \{/);
  });

  it("applies --set before drawing", async () => {
    const result = await run(["graph", attention, "-o", "-", "--format=dot", "--set", "lstm_units=50"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("LSTM(50, return_sequences=true)");
    expect(result.stdout).toContain("(batch, 20, 100)");
  });

  it("replaces an existing file and leaves no temporary file behind", async () => {
    await writeFile(temp("model.dot"), "old");
    expect((await run(["graph", attention, "-o", temp("model.dot")])).code).toBe(0);
    expect(await readFile(temp("model.dot"), "utf8")).toContain("digraph");
    expect(await readdir(temp())).toEqual(["model.dot"]);
  });

  it("draws every seed spec", async () => {
    for (const name of seedFiles) {
      const out = temp(name.replace(/\.nnspec$/, ".svg"));
      const result = await run(["graph", join(seedDirectory, name), "-o", out]);
      expect(result, name).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(await readFile(out, "utf8"), name).toContain("</svg>");
    }
    expect(seedFiles.length).toBeGreaterThanOrEqual(6);
  });

  describe("usage errors (exit 2, nothing written)", () => {
    it.each([
      [["graph", "SPEC"], "nnspec graph: missing --output (-o OUT): where to write the diagram"],
      [
        ["graph", "SPEC", "-o", "TMP/model.png"],
        "nnspec graph: cannot tell the format of 'TMP/model.png': use an extension .svg, .dot, .gv, .mmd or .mermaid, or --format",
      ],
      [["graph", "SPEC", "-o", "TMP/model"], "nnspec graph: cannot tell the format of 'TMP/model'"],
      [["graph", "SPEC", "-o", "-"], "nnspec graph: writing to stdout (-o -) needs --format svg, dot or mmd"],
      [
        ["graph", "SPEC", "-o", "TMP/m.svg", "--format", "png"],
        "nnspec graph: invalid value 'png' for '--format': expected one of auto, svg, dot, mmd",
      ],
      [["graph", "-o", "TMP/m.svg"], "nnspec graph: missing FILE"],
    ])("%j", async (argv, message) => {
      const args = argv.map((arg) => arg.replace("SPEC", attention).replace("TMP", temp()));
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(message.replace("TMP", temp()));
      expect(result.stderr).toContain("usage: nnspec graph [options] FILE\n");
      expect(await readdir(temp())).toEqual([]);
    });

    it("reports a spec file that cannot be read", async () => {
      const result = await run(["graph", temp("missing.nnspec"), "-o", temp("m.svg")]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("error NN1001");
      expect(await readdir(temp())).toEqual([]);
    });
  });

  describe("write errors (exit 2)", () => {
    it("reports a missing directory", async () => {
      const out = join(temp(), "no-such-dir", "m.svg");
      const result = await run(["graph", attention, "-o", out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`nnspec graph: cannot write '${out}': directory '${join(temp(), "no-such-dir")}' does not exist\n`);
    });

    it("reports a directory given as the output", async () => {
      await mkdir(temp("looks-like.svg"));
      const result = await run(["graph", attention, "-o", temp("looks-like.svg")]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`nnspec graph: cannot write '${temp("looks-like.svg")}': it is a directory\n`);
      expect(await readdir(temp())).toEqual(["looks-like.svg"]);
    });
  });

  it("prints the diagnostics of a spec with errors and writes nothing (exit 1)", async () => {
    await writeFile(temp("broken.nnspec"), broken);
    const result = await run(["graph", temp("broken.nnspec"), "-o", temp("broken.svg")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${temp("broken.nnspec")}:4:18: error NN3001:`);
    expect(result.stderr).toContain("  output y = x + h\n");
    expect(result.stderr).toContain("1 error\n");
    expect(await readdir(temp())).toEqual(["broken.nnspec"]);
  });

  it("draws a spec with warnings and prints them", async () => {
    const spec = "model W {\n  input x: float32[batch, 8]\n  input unused: float32[batch, 8]\n  output y = x |> Dense(2)\n}\n";
    await writeFile(temp("w.nnspec"), spec);
    const result = await run(["graph", temp("w.nnspec"), "-o", temp("w.dot")]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning NN5");
    expect(await readFile(temp("w.dot"), "utf8")).toContain('"input:unused"');
  });

  it("is listed by nnspec help", async () => {
    const { stdout } = await run(["help"]);
    expect(stdout).toMatch(/\n {2}graph +draw the model as a diagram/);
  });
});

it("keeps docs/images/attention.svg, the example in docs/cli.md, up to date", async () => {
  const captured = captureIO();
  expect(await main(["graph", attention, "-o", "-", "--format", "svg"], captured.io)).toBe(0);
  const committed = await readFile(new URL("../../docs/images/attention.svg", import.meta.url), "utf8");
  // On a difference, regenerate it: nnspec graph specs/seed/attention.nnspec -o docs/images/attention.svg
  expect(captured.stdout() === committed).toBe(true);
});
