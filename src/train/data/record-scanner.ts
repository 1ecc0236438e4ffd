import { open } from "node:fs/promises";
import type { DataFormat } from "./data-format.js";

/** One record of a data file: its text, where its bytes are, and the line it starts on. */
export interface ScannedRecord {
  text: string;
  offset: number;
  length: number;
  /** 1-based. */
  line: number;
}

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;

/**
 * Streams a data file's records in order, reading it in 1 MiB chunks: memory holds one chunk
 * and the record being read, whatever the file's size. A record ends at a line break, except
 * inside a quoted CSV field; blank lines are skipped; a UTF-8 byte-order mark is ignored.
 */
export async function* scanRecords(path: string, format: DataFormat): AsyncGenerator<ScannedRecord> {
  const file = await open(path, "r");
  try {
    let pending = Buffer.alloc(0);
    let pendingOffset = 0;
    let line = 1;
    let quoted = false;
    let position = 0;
    let first = true;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      let data = chunk.subarray(0, bytesRead);
      let dataOffset = position;
      position += bytesRead;
      if (first && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
        data = data.subarray(3);
        dataOffset += 3;
      }
      first = false;
      const buffer = pending.length === 0 ? data : Buffer.concat([pending, data]);
      const bufferOffset = pending.length === 0 ? dataOffset : pendingOffset;
      // Bytes before `scanFrom` were scanned with the previous chunk; the quote state carries over.
      let scanFrom = pending.length;
      let start = 0;
      for (let i = scanFrom; i < buffer.length; i++) {
        const byte = buffer[i];
        if (byte === QUOTE && format === "csv") quoted = !quoted;
        else if (byte === NEWLINE && !quoted) {
          const record = recordAt(buffer, start, i, bufferOffset, line);
          line += countLines(buffer, start, i + 1);
          if (record) yield record;
          start = i + 1;
        }
      }
      scanFrom = 0;
      pending = Buffer.from(buffer.subarray(start));
      pendingOffset = bufferOffset + start;
    }
    const last = recordAt(pending, 0, pending.length, pendingOffset, line);
    if (last) yield last;
  } finally {
    await file.close();
  }
}

/** The record in buffer[start, end) without its line ending, or undefined for a blank line. */
function recordAt(buffer: Buffer, start: number, end: number, bufferOffset: number, line: number): ScannedRecord | undefined {
  let stop = end;
  if (stop > start && buffer[stop - 1] === CARRIAGE_RETURN) stop--;
  const text = buffer.toString("utf8", start, stop);
  if (text.trim() === "") return undefined;
  return { text, offset: bufferOffset + start, length: stop - start, line };
}

function countLines(buffer: Buffer, start: number, end: number): number {
  let lines = 0;
  for (let i = start; i < end; i++) if (buffer[i] === NEWLINE) lines++;
  return lines;
}
