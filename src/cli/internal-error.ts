import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { sanitize } from "./terminal-text.js";

/**
 * Reports an exception that escaped a command. It is a bug in nnspec, so the user gets one
 * line and a hint to report it, not a stack trace; NNSPEC_DEBUG=1 adds the trace for whoever
 * fixes it.
 */
export function reportInternalError(error: unknown, io: CliIO): number {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `nnspec: internal error: ${sanitize(message.split("\n")[0] ?? "")}\n` +
      "This is a bug in nnspec, not a problem in your spec. Please report it with the command and " +
      "the spec file that caused it (run with NNSPEC_DEBUG=1 to include the stack trace).\n",
  );
  if (io.env.NNSPEC_DEBUG === "1" && error instanceof Error && error.stack !== undefined) {
    io.stderr.write(`${error.stack}\n`);
  }
  return ExitCode.Internal;
}
