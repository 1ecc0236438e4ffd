import type { CliIO } from "../../../src/cli/io.js";

export interface CapturedIO {
  io: CliIO;
  stdout(): string;
  stderr(): string;
}

/** A CliIO that records what a command prints, for running main() in-process. */
export function captureIO(options: { isTTY?: boolean; env?: Record<string, string> } = {}): CapturedIO {
  let out = "";
  let err = "";
  const isTTY = options.isTTY ?? false;
  return {
    io: {
      stdout: { write: (text) => void (out += text), isTTY },
      stderr: { write: (text) => void (err += text), isTTY },
      env: options.env ?? {},
    },
    stdout: () => out,
    stderr: () => err,
  };
}
