import { diagnostic, type CodeName } from "../../diagnostics/codes.js";
import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import type { Span } from "../../diagnostics/span.js";

/** Collects the diagnostics of one lowering run. */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  /** Notes added to everything reported meanwhile ("in block 'Encoder' used here"). */
  private readonly context: RelatedInformation[] = [];

  report(code: CodeName, message: string, span: Span, related?: RelatedInformation[]): void {
    this.diagnostics.push(diagnostic(code, message, span, [...(related ?? []), ...this.context]));
  }

  /** Runs `action` with a note attached to each diagnostic it reports. */
  withContext<T>(note: RelatedInformation, action: () => T): T {
    this.context.unshift(note);
    try {
      return action();
    } finally {
      this.context.shift();
    }
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === "error").length;
  }
}
