import { readFileSync, statSync } from "node:fs";
import type { ReadFile } from "../api/imports.js";
import type { CodeName } from "../diagnostics/codes.js";
import { decodeSource, MAX_SOURCE_BYTES } from "./read-source.js";

type ReadFailure = { error: Extract<CodeName, "FileNotFound" | "NotAFile" | "UnreadableFile" | "BinaryFile" | "FileTooLarge">; message: string };

/** Reads files named by `import`, with the same refusals as spec files given on the command line. */
export const readImportedFile: ReadFile = (path) => {
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { error: "NotAFile", message: "it is a directory" };
    if (!info.isFile()) return { error: "NotAFile", message: "it is not a regular file" };
    if (info.size > MAX_SOURCE_BYTES) return { error: "FileTooLarge", message: `it is ${info.size.toLocaleString("en-US")} bytes` };
    const read = decodeSource(path, readFileSync(path));
    if ("source" in read) return { text: read.source };
    return { error: codeOf(read.diagnostic.code), message: read.diagnostic.message };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { error: "FileNotFound", message: "no such file" };
    return { error: "UnreadableFile", message: (error as Error).message };
  }
};

function codeOf(code: string): ReadFailure["error"] {
  return code === "NN1005" ? "FileTooLarge" : "BinaryFile";
}
