import type { Span } from "./span.js";

export type Severity = "error" | "warning" | "info";

/** A secondary location that explains a diagnostic ("bilstm1 defined here"). */
export interface RelatedInformation {
  message: string;
  span: Span;
}

/** One problem found in a spec. Plain data: rendering is the CLI's job. */
export interface Diagnostic {
  code: string; // "NN3002"
  severity: Severity;
  message: string;
  span: Span;
  related?: RelatedInformation[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      a.code.localeCompare(b.code),
  );
}
