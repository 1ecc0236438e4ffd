import { chmod, mkdir, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES, readSource } from "../../src/cli/read-source.js";
import type { ReadSourceResult, SourceFileSystem } from "../../src/cli/read-source.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { fileStartSpan } from "../../src/diagnostics/span.js";
import { useTempDir } from "./support/temp-dir.js";

function diagnosticOf(result: ReadSourceResult): Diagnostic {
  if (!("diagnostic" in result)) throw new Error("expected a diagnostic, got the source");
  return result.diagnostic;
}

/** A file system whose stat reports a regular file of `size` bytes and whose read does `read`. */
function fakeFileSystem(size: number, read: () => Promise<Uint8Array>): SourceFileSystem {
  return {
    stat: async () => ({ isFile: () => true, isDirectory: () => false, size }),
    readFile: read,
  };
}

describe("readSource", () => {
  const temp = useTempDir();

  it("reads a UTF-8 file", async () => {
    await writeFile(temp("ok.nnspec"), "model M {} # 注意\n");
    expect(await readSource(temp("ok.nnspec"))).toEqual({ source: "model M {} # 注意\n" });
  });

  it("drops a byte-order mark", async () => {
    await writeFile(temp("bom.nnspec"), "\uFEFFmodel M {}");
    expect(await readSource(temp("bom.nnspec"))).toEqual({ source: "model M {}" });
  });

  it("reports a missing file as NN1001 at the start of the file", async () => {
    const path = temp("missing.nnspec");
    expect(diagnosticOf(await readSource(path))).toEqual({
      code: "NN1001",
      severity: "error",
      message: `cannot find '${path}'`,
      span: fileStartSpan(path),
    });
  });

  it("reports a path through a regular file as not found", async () => {
    await writeFile(temp("plain"), "x");
    expect(diagnosticOf(await readSource(temp("plain/child.nnspec"))).code).toBe("NN1001");
  });

  it("reports a directory as NN1002", async () => {
    await mkdir(temp("specs"));
    const d = diagnosticOf(await readSource(temp("specs")));
    expect(d.code).toBe("NN1002");
    expect(d.message).toContain("is a directory");
  });

  it("refuses something that is neither a file nor a directory as NN1002", async () => {
    const device: SourceFileSystem = {
      stat: async () => ({ isFile: () => false, isDirectory: () => false, size: 0 }),
      readFile: () => Promise.reject(new Error("must not read a device")),
    };
    expect(diagnosticOf(await readSource("/dev/fake", device)).code).toBe("NN1002");
  });

  it("refuses a 5 MB file as NN1005 without reading it", async () => {
    await writeFile(temp("big.nnspec"), Buffer.alloc(5_000_000, "a"));
    const d = diagnosticOf(await readSource(temp("big.nnspec")));
    expect(d.code).toBe("NN1005");
    expect(d.message).toContain("5,000,000 bytes");
    let reads = 0;
    const counting = fakeFileSystem(5_000_000, async () => {
      reads++;
      return new Uint8Array();
    });
    expect(diagnosticOf(await readSource("big.nnspec", counting)).code).toBe("NN1005");
    expect(reads).toBe(0);
  });

  it("accepts a file of exactly the limit", async () => {
    await writeFile(temp("limit.nnspec"), Buffer.alloc(MAX_SOURCE_BYTES, "a"));
    expect("source" in (await readSource(temp("limit.nnspec")))).toBe(true);
  });

  it("refuses a file that grew past the limit after stat", async () => {
    const growing = fakeFileSystem(10, async () => new Uint8Array(MAX_SOURCE_BYTES + 1));
    expect(diagnosticOf(await readSource("growing.nnspec", growing)).code).toBe("NN1005");
  });

  it("refuses a file with a NUL byte as NN1004", async () => {
    await writeFile(temp("nul.nnspec"), Buffer.from([0x6d, 0x00, 0x6f]));
    const d = diagnosticOf(await readSource(temp("nul.nnspec")));
    expect(d.code).toBe("NN1004");
    expect(d.message).toContain("byte offset 1");
  });

  it("refuses invalid UTF-8 as NN1004", async () => {
    await writeFile(temp("latin1.nnspec"), Buffer.from([0x61, 0xe9, 0x62]));
    expect(diagnosticOf(await readSource(temp("latin1.nnspec"))).code).toBe("NN1004");
  });

  it("reports an unreadable file as NN1003 with a readable reason", async () => {
    const denied = fakeFileSystem(10, () =>
      Promise.reject(Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: "EACCES" })),
    );
    expect(diagnosticOf(await readSource("secret.nnspec", denied))).toMatchObject({
      code: "NN1003",
      message: "cannot read 'secret.nnspec': permission denied",
    });
  });

  // Root reads any file regardless of its mode, so only an unprivileged run can test this for real.
  it.skipIf(process.getuid?.() === 0)("reports a real file without read permission as NN1003", async () => {
    await writeFile(temp("locked.nnspec"), "model M {}");
    await chmod(temp("locked.nnspec"), 0o000);
    expect(diagnosticOf(await readSource(temp("locked.nnspec"))).code).toBe("NN1003");
  });
});
