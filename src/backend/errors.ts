import type { CodeName } from "../diagnostics/codes.js";

/** A backend failure, carrying the catalog code the CLI reports it under. */
export class BackendError extends Error {
  constructor(
    readonly code: CodeName,
    message: string,
  ) {
    super(message);
    this.name = "BackendError";
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
