import { chmod, mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createFmtCommand, replaceFile, type WriteFile } from "../../src/cli/commands/fmt.js";
import { formatSource } from "../../src/format/index.js";
import { captureIO } from "../cli/support/capture-io.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const messy = "model M {\ninput x:float32[batch,2]\noutput y=x|>Dense(3)}";
const tidy = "model M {\n  input x: float32[batch, 2]\n  output y = x |> Dense(3)\n}\n";
const broken = "model M {\n  output y = x |> Dense(3\n}\n";

describe("nnspec fmt", () => {
  const temp = useTempDir();

  async function run(argv: string[], write?: WriteFile) {
    const captured = captureIO();
    const code = await createFmtCommand({ format: formatSource }, write).run(argv, captured.io);
    return { code, stdout: captured.stdout(), stderr: captured.stderr() };
  }

  async function spec(name: string, text: string): Promise<string> {
    await writeFile(temp(name), text);
    return temp(name);
  }

  it("rewrites files that change, leaves formatted ones alone, and prints nothing", async () => {
    const a = await spec("a.nnspec", messy);
    const b = await spec("b.nnspec", tidy);
    const [before, unchanged] = [await stat(a), await stat(b)];
    expect(await run([a, b])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await readFile(a, "utf8")).toBe(tidy);
    // Renamed into place: a new file, not the old one written over.
    expect((await stat(a)).ino).not.toBe(before.ino);
    expect((await stat(b)).ino).toBe(unchanged.ino);
    expect((await stat(b)).mtimeMs).toBe(unchanged.mtimeMs);
    expect(await readdir(temp())).toEqual(["a.nnspec", "b.nnspec"]);
  });

  it("keeps the permissions of a rewritten file and writes through a symbolic link", async () => {
    const target = await spec("target.nnspec", messy);
    await chmod(target, 0o640);
    await symlink(target, temp("link.nnspec"));
    expect((await run([temp("link.nnspec")])).code).toBe(0);
    expect(await readFile(target, "utf8")).toBe(tidy);
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect((await readdir(temp())).sort()).toEqual(["link.nnspec", "target.nnspec"]);
  });

  it("--check lists the files that would change, writes nothing, and exits 1", async () => {
    const a = await spec("a.nnspec", messy);
    const b = await spec("b.nnspec", tidy);
    expect(await run(["--check", a, b])).toEqual({ code: 1, stdout: `${a}\n`, stderr: "" });
    expect(await readFile(a, "utf8")).toBe(messy);
    expect(await run(["--check", b])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports syntax errors, leaves the file untouched and exits 1", async () => {
    const bad = await spec("bad.nnspec", broken);
    const good = await spec("good.nnspec", messy);
    const result = await run([bad, good]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^${bad}:\\d+:\\d+: error NN1021: `, "m"));
    expect(await readFile(bad, "utf8")).toBe(broken);
    expect(await readFile(good, "utf8")).toBe(tidy);
  });

  it("exits 2 for a file it cannot read, and for a wrong command line", async () => {
    const missing = await run([temp("missing.nnspec")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("NN1001");
    expect((await run([])).code).toBe(2);
    expect((await run(["--bogus", temp("x")])).code).toBe(2);
  });

  it("exits 2 when it cannot write a file, and goes on with the others", async () => {
    const a = await spec("a.nnspec", messy);
    const b = await spec("b.nnspec", messy);
    const failing: WriteFile = async (path, text) => {
      if (path === a) throw new Error("disk full");
      await replaceFile(path, text);
    };
    const result = await run([a, b], failing);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `nnspec fmt: cannot write '${a}': disk full\n` });
    expect(await readFile(b, "utf8")).toBe(tidy);
  });
});

describe("replaceFile", () => {
  const temp = useTempDir();

  it("removes its temporary file when the rename fails", async () => {
    await mkdir(temp("dir"));
    await expect(replaceFile(temp("dir"), "text")).rejects.toThrow();
    expect(await readdir(temp())).toEqual(["dir"]);
  });
});
