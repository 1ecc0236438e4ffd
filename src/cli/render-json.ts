import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";

/** A location for tools: 1-based lines and columns (UTF-16 units); endColumn is exclusive. */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonRelated extends JsonLocation {
  message: string;
}

/** One diagnostic in `--format json`. `related` appears only when the diagnostic has notes. */
export interface JsonDiagnostic extends JsonLocation {
  severity: Severity;
  code: string;
  message: string;
  related?: JsonRelated[];
}

function jsonLocation(span: Span): JsonLocation {
  return {
    file: span.file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
  };
}

/** The `--format json` form of a diagnostic. */
export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const json: JsonDiagnostic = { ...jsonLocation(d.span), severity: d.severity, code: d.code, message: d.message };
  if (d.related && d.related.length > 0) {
    json.related = d.related.map((r) => ({ ...jsonLocation(r.span), message: r.message }));
  }
  return json;
}

/** The whole `--format json` output: one array, pretty-printed, newline-terminated. */
export function renderJsonDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics.map(toJsonDiagnostic), null, 2)}\n`;
}
