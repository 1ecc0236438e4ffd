import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { writeDirectoryAtomic } from "../../src/io/atomic-directory.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const files = [
  { name: "a.txt", data: "new a" },
  { name: "b.bin", data: new Uint8Array([1, 2, 3]) },
];
const allow = { mayReplace: async () => undefined };

describe("writeDirectoryAtomic", () => {
  const temp = useTempDir();

  it("creates the directory with every file, leaving nothing else beside it", async () => {
    expect(await writeDirectoryAtomic(temp("out"), files, allow)).toEqual({ ok: true });
    expect((await readdir(temp("out"))).sort()).toEqual(["a.txt", "b.bin"]);
    expect(await readFile(temp("out/a.txt"), "utf8")).toBe("new a");
    expect([...(await readFile(temp("out/b.bin")))]).toEqual([1, 2, 3]);
    expect(await readdir(temp())).toEqual(["out"]);
  });

  it("replaces an existing directory as a whole when allowed", async () => {
    await mkdir(temp("out"));
    await writeFile(temp("out/old.txt"), "old");
    const asked: string[] = [];
    const result = await writeDirectoryAtomic(temp("out"), files, { mayReplace: async (dir) => void asked.push(dir) });
    expect(result).toEqual({ ok: true });
    expect(asked).toHaveLength(1);
    expect((await readdir(temp("out"))).sort()).toEqual(["a.txt", "b.bin"]);
    expect(await readdir(temp())).toEqual(["out"]);
  });

  it("keeps an existing directory untouched when refused, and a file in the way", async () => {
    await mkdir(temp("out"));
    await writeFile(temp("out/old.txt"), "old");
    const refused = await writeDirectoryAtomic(temp("out"), files, { mayReplace: async () => "it is precious" });
    expect(refused).toEqual({ ok: false, refused: true, reason: "it is precious" });
    expect(await readdir(temp("out"))).toEqual(["old.txt"]);
    await writeFile(temp("file"), "x");
    expect(await writeDirectoryAtomic(temp("file"), files, allow)).toEqual({ ok: false, refused: true, reason: "it exists and is not a directory" });
    expect((await readdir(temp())).sort()).toEqual(["file", "out"]);
  });

  it("leaves no partial output when a write fails", async () => {
    const broken = [...files, { name: "missing-dir/c.txt", data: "c" }];
    const result = await writeDirectoryAtomic(temp("out"), broken, allow);
    expect(result.ok).toBe(false);
    expect(await readdir(temp())).toEqual([]);
    const orphan = await writeDirectoryAtomic(temp("no/such/parent"), files, allow);
    expect(orphan).toMatchObject({ ok: false, refused: false, reason: expect.stringMatching(/directory '.*no\/such' does not exist/) });
  });

  it("replaces the directory a symbolic link points to, keeping the link", async () => {
    await mkdir(temp("real"));
    await symlink(temp("real"), temp("link"));
    expect(await writeDirectoryAtomic(temp("link"), files, allow)).toEqual({ ok: true });
    expect((await readdir(temp("real"))).sort()).toEqual(["a.txt", "b.bin"]);
    expect((await readdir(temp())).sort()).toEqual(["link", "real"]);
  });

  it("never replaces the working directory or one holding it", async () => {
    const result = await writeDirectoryAtomic(process.cwd(), files, allow);
    expect(result).toEqual({ ok: false, refused: true, reason: "it contains the current working directory" });
  });
});
