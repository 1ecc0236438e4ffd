import { lstat, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/io/atomic-file.js";
import { useTempDir } from "../cli/support/temp-dir.js";

describe("writeFileAtomic", () => {
  const temp = useTempDir();

  it("creates a file, then replaces it whole", async () => {
    expect(await writeFileAtomic(temp("out.txt"), "first")).toEqual({ ok: true });
    expect(await writeFileAtomic(temp("out.txt"), "second")).toEqual({ ok: true });
    expect(await readFile(temp("out.txt"), "utf8")).toBe("second");
    expect(await readdir(temp())).toEqual(["out.txt"]);
  });

  it("writes through a symbolic link instead of replacing the link", async () => {
    await writeFile(temp("real.txt"), "old");
    await symlink(temp("real.txt"), temp("link.txt"));
    expect(await writeFileAtomic(temp("link.txt"), "new")).toEqual({ ok: true });
    expect((await lstat(temp("link.txt"))).isSymbolicLink()).toBe(true);
    expect(await readFile(temp("real.txt"), "utf8")).toBe("new");
  });

  it("says why it could not write, and leaves nothing behind", async () => {
    await writeFile(temp("file"), "x");
    expect(await writeFileAtomic(temp("missing/out.txt"), "x")).toEqual({ ok: false, reason: `directory '${temp("missing")}' does not exist` });
    expect(await writeFileAtomic(temp("file/out.txt"), "x")).toEqual({ ok: false, reason: `'${temp("file")}' is not a directory` });
    expect(await writeFileAtomic(temp(), "x")).toEqual({ ok: false, reason: "it is a directory" });
    expect(await readdir(temp())).toEqual(["file"]);
  });

  it("refuses to replace a device", async () => {
    expect(await writeFileAtomic("/dev/null", "x")).toEqual({ ok: false, reason: "it is not a regular file" });
  });
});
