/** Where a command writes: a text sink that knows whether a person is watching. */
export interface OutputStream {
  write(text: string): void;
  /** True when the stream is an interactive terminal (decides `--color=auto`). */
  isTTY: boolean;
}

/**
 * Everything the CLI touches outside its arguments. `main` takes it as a parameter so tests run
 * commands in-process and read what they printed.
 */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real terminal: process.stdout/stderr and the process environment. */
export function processIO(): CliIO {
  // `nnspec check … | head` closes the pipe early; that is not an error worth a stack trace.
  const ignoreBrokenPipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== "EPIPE") throw error;
  };
  process.stdout.on("error", ignoreBrokenPipe);
  process.stderr.on("error", ignoreBrokenPipe);
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    env: process.env,
  };
}
