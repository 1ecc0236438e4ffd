import { PassThrough } from "node:stream";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver/node.js";
import { createLspCommand } from "../../../src/cli/commands/lsp.js";
import { startLanguageServer } from "../../../src/lsp/index.js";
import { captureIO } from "../../cli/support/capture-io.js";

/** An editor's side of a conversation with the server, over a pair of in-memory streams. */
export interface TestClient {
  connection: ProtocolConnection;
  initialized: InitializeResult;
  /** Resolves with `nnspec lsp`'s exit code. */
  exitCode: Promise<number>;
  /** What the server logged with window/logMessage. */
  logs: string[];
  /** Everything the command wrote to its own stdout and stderr (the protocol goes elsewhere). */
  printed(): string;
  /** The next diagnostics published for `uri` (or the ones already waiting). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /** Every diagnostics notification so far. */
  published: PublishDiagnosticsParams[];
  open(uri: string, text: string): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  close(uri: string): Promise<void>;
  shutdown(): Promise<number>;
}

export interface ClientOptions {
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Answers to workspace/configuration requests. */
  configuration?: unknown;
}

/** Starts `nnspec lsp` in-process and performs the initialize handshake. */
export async function startClient(options: ClientOptions = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const captured = captureIO();
  const command = createLspCommand({ streams: () => ({ input: toServer, output: fromServer }), start: startLanguageServer });
  const exitCode = command.run(["--stdio"], captured.io);
  const connection = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const logs: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiting = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  const unread = new Map<string, PublishDiagnosticsParams[]>();
  connection.onNotification(LogMessageNotification.type, (p) => void logs.push(p.message));
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    const waiter = waiting.get(p.uri)?.shift();
    if (waiter !== undefined) waiter(p);
    else unread.set(p.uri, [...(unread.get(p.uri) ?? []), p]);
  });
  connection.onRequest("workspace/configuration", () => [options.configuration ?? null]);
  connection.onRequest("workspace/inlayHint/refresh", () => null);
  connection.listen();

  const initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  let version = 1;
  return {
    connection,
    initialized,
    exitCode,
    logs,
    published,
    printed: () => captured.stdout() + captured.stderr(),
    nextDiagnostics: (uri) =>
      new Promise((resolve) => {
        const ready = unread.get(uri)?.shift();
        if (ready !== undefined) resolve(ready);
        else waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]);
      }),
    open: (uri, text) =>
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "nnspec", version: version++, text } }),
    change: (uri, v, contentChanges) =>
      connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges }),
    close: (uri) => connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    shutdown: async () => {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exitCode;
      connection.dispose();
      return code;
    },
  };
}
