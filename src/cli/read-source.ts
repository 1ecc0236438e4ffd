import { readFile, stat } from "node:fs/promises";
import { diagnostic } from "../diagnostics/codes.js";
import type { CodeName } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";

/** Spec files are small; anything bigger is almost certainly the wrong file. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type ReadSourceResult = { source: string } | { diagnostic: Diagnostic };

/** The two file-system calls reading needs; injectable so tests can simulate EACCES as root. */
export interface SourceFileSystem {
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  readFile(path: string): Promise<Uint8Array>;
}

const nodeFileSystem: SourceFileSystem = { stat, readFile };

/**
 * Reads a spec file as text, refusing what cannot be a spec: a missing path, a directory or
 * device, a file over MAX_SOURCE_BYTES (checked before reading), or bytes that are not UTF-8
 * text. A leading byte-order mark is dropped so offsets match what editors show.
 */
export async function readSource(
  path: string,
  fileSystem: SourceFileSystem = nodeFileSystem,
): Promise<ReadSourceResult> {
  const fail = (name: CodeName, message: string): ReadSourceResult => ({
    diagnostic: diagnostic(name, message, fileStartSpan(path)),
  });

  let info: Awaited<ReturnType<SourceFileSystem["stat"]>>;
  try {
    info = await fileSystem.stat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return fail("FileNotFound", `cannot find '${path}'`);
    return fail("UnreadableFile", `cannot read '${path}': ${describeError(error)}`);
  }
  if (info.isDirectory()) return fail("NotAFile", `'${path}' is a directory, not a spec file`);
  // FIFOs and devices have no size to check and may block forever: refuse them too.
  if (!info.isFile()) return fail("NotAFile", `'${path}' is not a regular file`);
  if (info.size > MAX_SOURCE_BYTES) return fail("FileTooLarge", tooLargeMessage(path, info.size));

  let bytes: Uint8Array;
  try {
    bytes = await fileSystem.readFile(path);
  } catch (error) {
    return fail("UnreadableFile", `cannot read '${path}': ${describeError(error)}`);
  }
  return decodeSource(path, bytes);
}

/** The text of a spec file's bytes, or why they are not one (too large, NUL bytes, not UTF-8). */
export function decodeSource(path: string, bytes: Uint8Array): ReadSourceResult {
  const fail = (name: CodeName, message: string): ReadSourceResult => ({
    diagnostic: diagnostic(name, message, fileStartSpan(path)),
  });
  // The file may have grown between stat and read.
  if (bytes.length > MAX_SOURCE_BYTES) return fail("FileTooLarge", tooLargeMessage(path, bytes.length));
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fail("BinaryFile", `'${path}' is not a text file (NUL byte at byte offset ${nul})`);
  try {
    return { source: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return fail("BinaryFile", `'${path}' is not UTF-8 text`);
  }
}

function tooLargeMessage(path: string, size: number): string {
  const limit = MAX_SOURCE_BYTES / (1024 * 1024);
  return `'${path}' is ${size.toLocaleString("en-US")} bytes; spec files are limited to ${limit} MiB`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

const reasons: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "file name too long",
  EIO: "input/output error",
  EISDIR: "is a directory",
};

/** "permission denied" rather than Node's "EACCES: permission denied, open '…'". */
function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined && code in reasons) return reasons[code];
  return error instanceof Error ? error.message : String(error);
}
