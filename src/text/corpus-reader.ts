import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { TextError } from "./text-error.js";

/** How far reading a corpus has got, for a progress display. */
export interface CorpusProgress {
  /** The file being read. */
  file: string;
  /** Bytes read so far over all files, and their total size. */
  bytesRead: number;
  totalBytes: number;
  /** Lines read so far over all files. */
  lines: number;
}

/** Corpus files that exist and are regular files, ready to be read line by line. */
export interface Corpus {
  files: readonly string[];
  totalBytes: number;
  /**
   * Every line of every file, in order, without line terminators (`\n`, `\r\n` or `\r`) and
   * without a leading byte-order mark. Reads a stream: memory does not grow with file size.
   */
  lines(onProgress?: (progress: CorpusProgress) => void): AsyncIterable<string>;
}

/**
 * Checks that each corpus file exists and is a regular file, before any reading starts, so a
 * typo in the last name fails at once rather than after minutes. Throws a TextError (NN6024).
 */
export async function openCorpus(files: readonly string[]): Promise<Corpus> {
  let totalBytes = 0;
  for (const file of files) {
    const info = await stat(file).catch((error: unknown) => {
      throw corpusError(file, describeError(error));
    });
    if (info.isDirectory()) throw corpusError(file, "it is a directory");
    // A FIFO or device has no size for progress and may never end.
    if (!info.isFile()) throw corpusError(file, "it is not a regular file");
    totalBytes += info.size;
  }
  return { files, totalBytes, lines: (onProgress) => readLines(files, totalBytes, onProgress) };
}

async function* readLines(
  files: readonly string[],
  totalBytes: number,
  onProgress?: (progress: CorpusProgress) => void,
): AsyncGenerator<string> {
  let bytesRead = 0;
  let lines = 0;
  for (const file of files) {
    const stream = createReadStream(file);
    stream.on("data", (chunk) => {
      bytesRead += chunk.length;
      onProgress?.({ file, bytesRead, totalBytes, lines });
    });
    // readline's async iterator pauses the stream while lines wait to be consumed.
    const reader = createInterface({ input: stream, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of reader) {
        lineNumber++;
        lines++;
        // NUL never occurs in text; it means the wrong file (an archive, a model, an image).
        if (line.includes("\0")) throw corpusError(file, `not a text file (NUL byte on line ${lineNumber})`, lineNumber);
        yield lineNumber === 1 && line.startsWith("\uFEFF") ? line.slice(1) : line;
      }
    } catch (error) {
      if (error instanceof TextError) throw error;
      throw corpusError(file, describeError(error));
    } finally {
      reader.close();
      stream.destroy();
    }
    onProgress?.({ file, bytesRead, totalBytes, lines });
  }
}

function corpusError(file: string, reason: string, line?: number): TextError {
  return new TextError("CorpusFileError", `cannot read corpus '${file}': ${reason}`, { file, line });
}

function describeError(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  if (code === "ENOENT" || code === "ENOTDIR") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return error instanceof Error ? error.message : String(error);
}
