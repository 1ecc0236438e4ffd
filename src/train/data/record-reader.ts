import { closeSync, openSync, readSync } from "node:fs";

/** Reads records by byte range from an open data file, reusing one buffer. */
export class RecordReader {
  private readonly fd: number;
  private buffer = Buffer.alloc(64 * 1024);

  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
  }

  /** The UTF-8 text of `length` bytes at `offset`. */
  read(offset: number, length: number): string {
    if (length > this.buffer.length) this.buffer = Buffer.alloc(Math.max(length, this.buffer.length * 2));
    let done = 0;
    while (done < length) {
      const read = readSync(this.fd, this.buffer, done, length - done, offset + done);
      if (read === 0) throw new Error(`${this.path} ended early: it changed while training`);
      done += read;
    }
    return this.buffer.toString("utf8", 0, length);
  }

  close(): void {
    closeSync(this.fd);
  }
}
