/** Process exit codes, shared by every command. */
export const ExitCode = {
  /** No errors (warnings allowed unless `--strict`). */
  Ok: 0,
  /** The spec has errors (or warnings under `--strict`). */
  Failure: 1,
  /** The command line was wrong, or a file could not be read. */
  Usage: 2,
  /** A bug in nnspec (sysexits' EX_SOFTWARE). */
  Internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
