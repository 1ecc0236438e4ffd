import { open, stat } from "node:fs/promises";
import { diagnostic } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../diagnostics/span.js";
import { checkRow, type RowCheckState } from "./check-row.js";
import type { ColumnPlan } from "./columns.js";
import { dataFormatOf, type DataFormat } from "./data-format.js";
import { RecordIndex } from "./record-index.js";
import { scanRecords } from "./record-scanner.js";
import { rowDecoder, type RowDecoder } from "./row-decoder.js";

/** A data file that has been read once and checked: where each example is, and how to read it. */
export interface ScannedFile {
  path: string;
  format: DataFormat;
  decoder: RowDecoder;
  index: RecordIndex;
  /** The column holding each output's labels. */
  labelColumns: string[];
}

/** A data file stops being checked after this many problems: the first ones are what to fix. */
const MAX_PROBLEMS = 10;

/**
 * Reads a data file once, streaming: checks every example against the model (problems are
 * diagnostics at the file's lines, at most MAX_PROBLEMS), learns symbolic dims and class
 * names into `state`, and indexes where each example is for the epochs to come.
 */
export async function scanDataFile(path: string, plan: ColumnPlan, state: RowCheckState, problems: Diagnostic[]): Promise<ScannedFile | undefined> {
  const unreadable = await readProblem(path);
  if (unreadable) {
    problems.push(diagnostic("InputFileError", `cannot read data file '${path}': ${unreadable}`, lineSpan(path, 1)));
    return undefined;
  }
  const start = problems.length;
  const report = (code: Parameters<typeof diagnostic>[0], message: string, line: number): void => {
    problems.push(diagnostic(code, message, lineSpan(path, line)));
  };
  const format = await sniffFormat(path);
  let decoder: RowDecoder | undefined;
  let labelColumns: string[] | undefined;
  const index = new RecordIndex();
  for await (const record of scanRecords(path, format)) {
    if (problems.length - start >= MAX_PROBLEMS) break;
    if (!decoder) {
      const made = rowDecoder(format, format === "csv" ? record.text : undefined);
      if ("problem" in made) {
        report("InputFileError", made.problem, record.line);
        return undefined;
      }
      decoder = made;
      if (format === "csv") {
        labelColumns = labelColumnNames(plan, new Set(made.columns));
        const missing = missingColumns(plan, new Set(made.columns), labelColumns);
        for (const message of missing) report(message.code, message.message, record.line);
        if (missing.length > 0) return undefined;
        continue;
      }
    }
    const decoded = decoder.decode(record.text);
    if ("problem" in decoded) {
      report("InputFileError", decoded.problem, record.line);
      continue;
    }
    labelColumns ??= labelColumnNames(plan, new Set(Object.keys(decoded.row)));
    for (const problem of checkRow(decoded.row, plan.inputs, plan.labels, labelColumns, state)) report(problem.code, problem.message, record.line);
    index.add(record.offset, record.length);
  }
  if (problems.length - start >= MAX_PROBLEMS) {
    problems.push(diagnostic("InputFileError", `stopped checking '${path}' after ${MAX_PROBLEMS} problems`, lineSpan(path, 1)));
  }
  if (!decoder || !labelColumns || index.size === 0) {
    if (problems.length === start) problems.push(diagnostic("EmptyTrainingData", `'${path}' holds no examples`, lineSpan(path, 1)));
    return undefined;
  }
  index.trim();
  return { path, format, decoder, index, labelColumns };
}

/** Each output's label column: the output's name, or `label` for a model with one output. */
export function labelColumnNames(plan: ColumnPlan, columns: ReadonlySet<string>): string[] {
  return plan.labels.map(({ output }) => (columns.has(output.name) || plan.labels.length > 1 || !columns.has("label") ? output.name : "label"));
}

function missingColumns(plan: ColumnPlan, columns: ReadonlySet<string>, labelColumns: readonly string[]): { code: "MissingInputData" | "MissingLabels"; message: string }[] {
  const listed = [...columns].map((name) => `'${name}'`).join(", ");
  const missing: { code: "MissingInputData" | "MissingLabels"; message: string }[] = [];
  for (const input of plan.inputs) {
    if (!columns.has(input.name)) missing.push({ code: "MissingInputData", message: `no column '${input.name}' for input '${input.name}' (columns: ${listed})` });
  }
  plan.labels.forEach(({ output }, i) => {
    const name = labelColumns[i]!;
    if (columns.has(name)) return;
    const alternative = plan.labels.length === 1 && output.name !== "label" ? ` or 'label'` : "";
    missing.push({ code: "MissingLabels", message: `no column '${output.name}'${alternative} with the labels of output '${output.name}' (columns: ${listed})` });
  });
  return missing;
}

async function sniffFormat(path: string): Promise<DataFormat> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(256);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return dataFormatOf(path, head.toString("utf8", 0, bytesRead));
  } finally {
    await file.close();
  }
}

async function readProblem(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return "it is not a regular file";
    await (await open(path, "r")).close();
    return undefined;
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code === "ENOENT") return "no such file";
    if (code === "EISDIR") return "it is a directory";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    return error instanceof Error ? error.message : String(error);
  }
}

/** Line `line` of a data file, for a diagnostic about one example. */
export function lineSpan(file: string, line: number): Span {
  const position = { offset: 0, line, column: 1 };
  return { file, start: position, end: position };
}
