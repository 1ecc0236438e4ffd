import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCorpus, type CorpusProgress } from "../../src/text/corpus-reader.js";
import { TextError } from "../../src/text/text-error.js";
import { caught } from "./support/preprocess-config.js";

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const result: string[] = [];
  for await (const line of lines) result.push(line);
  return result;
}

describe("openCorpus", () => {
  let dir = "";
  const path = (name: string) => join(dir, name);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nnspec-corpus-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("yields every line of every file in order, whatever the line terminator", async () => {
    await writeFile(path("a.txt"), "\uFEFFfirst\r\nsecond\rthird\n\nlast without newline");
    await writeFile(path("b.txt"), "\uFEFFb1\nb2\n");
    const corpus = await openCorpus([path("a.txt"), path("b.txt")]);
    expect(await collect(corpus.lines())).toEqual(["first", "second", "third", "", "last without newline", "b1", "b2"]);
  });

  it("keeps a byte-order mark that is not at the start of a file", async () => {
    await writeFile(path("bom.txt"), "a\n\uFEFFb\n");
    expect(await collect((await openCorpus([path("bom.txt")])).lines())).toEqual(["a", "\uFEFFb"]);
  });

  it("reports progress in bytes up to the total, with the file and line count", async () => {
    await writeFile(path("p1.txt"), "x\n".repeat(100_000));
    await writeFile(path("p2.txt"), "yy\n");
    const corpus = await openCorpus([path("p1.txt"), path("p2.txt")]);
    expect(corpus.totalBytes).toBe(200_003);
    const reports: CorpusProgress[] = [];
    await collect(corpus.lines((p) => reports.push(p)));
    const bytes = reports.map((r) => r.bytesRead);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.at(-1)).toEqual({ file: path("p2.txt"), bytesRead: 200_003, totalBytes: 200_003, lines: 100_001 });
    expect(reports.some((r) => r.file === path("p1.txt") && r.bytesRead < 200_000)).toBe(true);
  });

  it("checks every file before reading any (NN6024)", async () => {
    await writeFile(path("ok.txt"), "fine\n");
    const missing = path("missing.txt");
    const error = await caught(() => openCorpus([path("ok.txt"), missing]));
    expect(error).toBeInstanceOf(TextError);
    expect(error).toMatchObject({ code: "NN6024", message: `cannot read corpus '${missing}': no such file`, location: { file: missing } });
  });

  it("rejects a directory", async () => {
    await mkdir(path("sub"), { recursive: true });
    expect(await caught(() => openCorpus([path("sub")]))).toMatchObject({ code: "NN6024", message: `cannot read corpus '${path("sub")}': it is a directory` });
  });

  it("rejects a binary file at the line with a NUL byte", async () => {
    await writeFile(path("binary.bin"), Buffer.from("text\nmore\nab\u0000cd\n"));
    const corpus = await openCorpus([path("binary.bin")]);
    const error = await caught(() => collect(corpus.lines()));
    expect(error).toMatchObject({
      code: "NN6024",
      message: `cannot read corpus '${path("binary.bin")}': not a text file (NUL byte on line 3)`,
      location: { file: path("binary.bin"), line: 3 },
    });
  });

  it("streams a 50 MB file without holding it in memory", async () => {
    const big = path("big.txt");
    const line = `${"the quick brown fox jumps over the lazy dog ".repeat(4)}日本語のテキスト\n`;
    const block = line.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(line)));
    const out = createWriteStream(big);
    for (let i = 0; i < 50; i++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "finish");

    const corpus = await openCorpus([big]);
    expect(corpus.totalBytes).toBeGreaterThan(50 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    let lines = 0;
    for await (const text of corpus.lines()) {
      lines++;
      if (lines % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      if (lines === 1) expect(text).toBe(line.slice(0, -1));
    }
    expect(lines).toBe(50 * block.split("\n").length - 50);
    // Reading the whole file would add at least its 50 MB (the bytes, then the string).
    expect((peak - before) / (1024 * 1024)).toBeLessThan(40);
  });
});
