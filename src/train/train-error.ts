import { diagnostic, type CodeName } from "../diagnostics/codes.js";
import type { Diagnostic, RelatedInformation } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";

/**
 * Training cannot start or go on: one or more diagnostics, each pointing at the spec (a loss
 * that does not fit an output) or at a data file's line (a label out of range).
 */
export class TrainError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
    this.name = "TrainError";
  }
}

/** A TrainError with one diagnostic. */
export function trainError(code: CodeName, message: string, span: Span, related?: RelatedInformation[]): TrainError {
  return new TrainError([diagnostic(code, message, span, related)]);
}
