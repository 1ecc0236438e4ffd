import type { Readable, Writable } from "node:stream";
import type { LanguageServerOptions } from "../../lsp/index.js";
import { flag } from "../args.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { readImportedFile } from "../import-reader.js";
import { packageVersion } from "../version.js";

/** The streams the server talks over and how to start it; parameters so tests run it in-process. */
export interface LspDependencies {
  streams(): { input: Readable; output: Writable };
  start(options: LanguageServerOptions): Promise<number>;
}

const description = `
Runs the nnspec language server, speaking the Language Server Protocol over stdin and stdout,
for editors: diagnostics as you type (the same as nnspec check), hovers with shapes and layer
options, go to definition, references, rename, completion, the model outline, inlay hints
with inferred shapes, and formatting (as nnspec fmt). Nothing else is written to stdout.

Settings (initializationOptions, or the workspace section "nnspec"):
  inlayHints.enabled   show inferred shapes at the end of bindings (default true)
  params               parameter overrides, like --set: {"vocab_size": 5000}

Exit status: 0 after the client's shutdown and exit, 1 if the client went away without them.`;

/** `nnspec lsp`: the language server on stdio. */
export function createLspCommand(dependencies: LspDependencies): Command {
  return defineCommand({
    name: "lsp",
    summary: "run the language server for editors (stdio)",
    description,
    operands: { name: "", min: 0, max: 0 },
    flags: {
      // Language clients add these; stdio is the only transport, and the server watches the
      // editor's process id from the initialize request.
      stdio: flag.boolean("use stdin and stdout (the default and only transport)"),
      clientProcessId: flag.string("PID", "the editor's process id (accepted for compatibility)"),
    },
    async run() {
      // A stray console.log would corrupt the protocol on stdout: send it to stderr instead.
      const restore = redirectConsoleToStderr();
      const streams = dependencies.streams();
      try {
        return await dependencies.start({ ...streams, version: packageVersion(), readFile: readImportedFile });
      } finally {
        restore();
        // An open stdin would keep the process alive after the client said exit.
        streams.input.destroy();
      }
    },
  });
}

function redirectConsoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = console.error;
  return () => Object.assign(console, saved);
}

/** The real thing: the server on this process's stdin and stdout, loaded only when `nnspec lsp` runs. */
export const stdioLanguageServer: LspDependencies = {
  streams: () => ({ input: process.stdin, output: process.stdout }),
  start: async (options) => (await import("../../lsp/index.js")).startLanguageServer(options),
};
