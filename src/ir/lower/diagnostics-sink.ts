import { diagnostic, type CodeName } from "../../diagnostics/codes.js";
import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../diagnostics/span.js";

/** Collects the diagnostics of one lowering run. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  report(code: CodeName, message: string, span: Span, related?: RelatedInformation[]): void {
    this.diagnostics.push(diagnostic(code, message, span, related));
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === "error").length;
  }
}
