import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvFields } from "../../src/train/data/csv-fields.js";
import { RecordReader } from "../../src/train/data/record-reader.js";
import { scanRecords, type ScannedRecord } from "../../src/train/data/record-scanner.js";
import { tempDir } from "./support.js";

async function scan(content: string | Buffer, format: "csv" | "jsonl"): Promise<{ records: ScannedRecord[]; path: string }> {
  const path = join(tempDir(), `data.${format}`);
  writeFileSync(path, content);
  const records: ScannedRecord[] = [];
  for await (const record of scanRecords(path, format)) records.push(record);
  return { records, path };
}

describe("reading records", () => {
  it("splits CSV on line breaks outside quotes, skipping blank lines, CRLF and a byte-order mark", async () => {
    const { records, path } = await scan('\uFEFFa,b\r\n1,"two\nlines"\r\n\r\n3,"say ""hi"""\n4,x', "csv");
    expect(records.map(({ text, line }) => [line, text])).toEqual([
      [1, "a,b"],
      [2, '1,"two\nlines"'],
      [5, '3,"say ""hi"""'],
      [6, "4,x"],
    ]);
    const reader = new RecordReader(path);
    expect(records.map((record) => reader.read(record.offset, record.length))).toEqual(records.map((record) => record.text));
    reader.close();
    expect(csvFields(records[1]!.text)).toEqual(["1", "two\nlines"]);
    expect(csvFields(records[2]!.text)).toEqual(["3", 'say "hi"']);
  });

  it("keeps a record whole across the 1 MiB chunks the file is read in, with multi-byte characters", async () => {
    const lines = ["text,label"];
    let bytes = 11;
    while (bytes < (1 << 20) - 40) {
      lines.push(`"日本語のテキスト",${lines.length % 3}`);
      bytes += Buffer.byteLength(lines.at(-1)!) + 1;
    }
    lines.push('"a field that starts before the chunk boundary\nand ends after it, ' + "x".repeat(200) + '",1');
    lines.push("last,2");
    const { records, path } = await scan(lines.join("\n"), "csv");
    expect(records).toHaveLength(lines.length);
    expect(records.at(-2)!.text).toBe(lines.at(-2));
    expect(records.at(-1)).toMatchObject({ text: "last,2", line: lines.length + 1 });
    const reader = new RecordReader(path);
    expect(reader.read(records.at(-2)!.offset, records.at(-2)!.length)).toBe(lines.at(-2));
    reader.close();
  });

  it("treats quotes as text in JSON lines", async () => {
    const { records } = await scan('{"t": "a \\"quoted\\" word"}\n{"t": "b"}\n', "jsonl");
    expect(records.map((record) => record.text)).toEqual(['{"t": "a \\"quoted\\" word"}', '{"t": "b"}']);
  });
});
