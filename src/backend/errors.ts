import { diagnostic, type CodeName } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";

/** A backend or runtime failure, carrying the catalog code it is reported under. */
export class BackendError extends Error {
  /** The file the problem is about (an input data file, a model directory), when there is one. */
  readonly file?: string;

  constructor(
    readonly code: CodeName,
    message: string,
    options: { file?: string } = {},
  ) {
    super(message);
    this.name = "BackendError";
    if (options.file !== undefined) this.file = options.file;
  }

  /** The error as a diagnostic at the start of its file, or of `fallbackFile` (the spec or model being run). */
  toDiagnostic(fallbackFile: string): Diagnostic {
    return diagnostic(this.code, this.message, fileStartSpan(this.file ?? fallbackFile));
  }
}

/** The requested TensorFlow.js backend cannot run here (NN6001). */
export class BackendUnavailableError extends BackendError {
  constructor(
    readonly backend: string,
    readonly reason: string,
  ) {
    super("BackendUnavailable", `backend '${backend}' is not available: ${reason}`);
    this.name = "BackendUnavailableError";
  }
}
