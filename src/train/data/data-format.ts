import { extname } from "node:path";

/** The data file formats `nnspec train` reads: one JSON object per line, or CSV with a header row. */
export type DataFormat = "jsonl" | "csv";

const BY_EXTENSION: Record<string, DataFormat> = {
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "jsonl",
  ".csv": "csv",
};

/** The format named by the file's extension; otherwise a file starting with `{` is JSON lines, anything else CSV. */
export function dataFormatOf(path: string, firstText: string): DataFormat {
  const known = BY_EXTENSION[extname(path).toLowerCase()];
  if (known) return known;
  return firstText.replace(/^\uFEFF/, "").trimStart().startsWith("{") ? "jsonl" : "csv";
}
