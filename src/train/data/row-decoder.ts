import { abbreviate, type Cell } from "./cell-values.js";
import { csvFields } from "./csv-fields.js";
import type { DataFormat } from "./data-format.js";

/** A data row as cells by column name. */
export type Row = { readonly [column: string]: Cell };

export type DecodedRow = { row: Row } | { problem: string };

/** Turns a record's text into a row: a JSON object per line, or CSV fields named by the header. */
export interface RowDecoder {
  decode(text: string): DecodedRow;
  /** The CSV header's column names; undefined for JSON lines (each row names its own). */
  readonly columns: readonly string[] | undefined;
}

export function jsonLinesDecoder(): RowDecoder {
  return {
    columns: undefined,
    decode(text) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { problem: `not valid JSON (${error instanceof Error ? error.message : String(error)}): ${abbreviate(text)}` };
      }
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return { problem: `each line must be a JSON object with one field per column, found ${abbreviate(text)}` };
      }
      return { row: value as Row };
    },
  };
}

/** A CSV decoder for the header record `header`, or why the header cannot be one. */
export function csvDecoder(header: string): RowDecoder | { problem: string } {
  const columns = csvFields(header)?.map((name) => name.trim());
  if (!columns) return { problem: "the header row has an unclosed quote" };
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) return { problem: `the header names column '${name}' twice` };
    seen.add(name);
  }
  return {
    columns,
    decode(text) {
      const fields = csvFields(text);
      if (!fields) return { problem: "a quoted field is not closed, or text follows its closing quote" };
      if (fields.length !== columns.length) return { problem: `${fields.length} fields, but the header has ${columns.length} columns` };
      const row: Record<string, Cell> = {};
      columns.forEach((name, i) => (row[name] = fields[i]!));
      return { row };
    },
  };
}

/** The decoder for a format; CSV takes its header from the file's first record. */
export function rowDecoder(format: DataFormat, header: string | undefined): RowDecoder | { problem: string } {
  if (format === "jsonl") return jsonLinesDecoder();
  if (header === undefined) return { problem: "the file is empty: a CSV file starts with a header row naming its columns" };
  return csvDecoder(header);
}
