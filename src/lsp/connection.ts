import type { Readable, Writable } from "node:stream";
import { createConnection } from "vscode-languageserver/lib/common/server.js";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type InitializeParams,
} from "vscode-languageserver/node.js";

/** How long to keep serving after the input ends, so messages already received are handled. */
const INPUT_END_GRACE_MS = 50;

/** How often to check that the editor that started the server is still alive. */
const PARENT_CHECK_MS = 3000;

export interface ServerConnection {
  connection: Connection;
  /** Resolves with the exit code: 0 after `shutdown` then `exit`, 1 when the client went away without them. */
  exited: Promise<number>;
}

/**
 * A language-server connection over two streams. vscode-languageserver's own Node connection
 * calls process.exit when the client says `exit`; this one resolves `exited` instead, so the
 * server can run in-process (in tests, or inside `nnspec lsp`, which returns its exit code).
 */
export function createServerConnection(input: Readable, output: Writable): ServerConnection {
  let resolveExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let parentCheck: NodeJS.Timeout | undefined;
  const watchDog = {
    shutdownReceived: false,
    initialize(params: InitializeParams): void {
      if (typeof params.processId === "number") parentCheck = watchParent(params.processId, () => finish());
    },
    exit(code: number): void {
      finish(code);
    },
  };
  let finished = false;
  const finish = (code = watchDog.shutdownReceived ? 0 : 1): void => {
    if (finished) return;
    finished = true;
    clearInterval(parentCheck);
    resolveExit(code);
  };
  // An editor that crashes closes our input without saying goodbye. Messages that arrived just
  // before the end are dispatched asynchronously: give them a moment (an `exit` among them wins).
  const inputGone = () => void setTimeout(() => finish(), INPUT_END_GRACE_MS);
  input.on("end", inputGone);
  input.on("close", inputGone);
  const connection = createConnection(
    (logger) => createProtocolConnection(new StreamMessageReader(input), new StreamMessageWriter(output), logger),
    watchDog,
  );
  return { connection, exited };
}

/** Calls `gone` once the process `pid` no longer exists (LSP asks servers to exit then). */
function watchParent(pid: number, gone: () => void): NodeJS.Timeout {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch (error) {
      // EPERM: the process exists but belongs to someone else.
      if ((error as NodeJS.ErrnoException).code !== "EPERM") gone();
    }
  }, PARENT_CHECK_MS);
  timer.unref();
  return timer;
}
