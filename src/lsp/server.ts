import type { Readable, Writable } from "node:stream";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
  type ServerCapabilities,
  type TextDocumentPositionParams,
} from "vscode-languageserver/node.js";
import type { ReadFile } from "../api/check.js";
import { Analyses, fileName, type Analysis } from "./analysis.js";
import { completionsAt } from "./completion.js";
import { createServerConnection } from "./connection.js";
import { DiagnosticsPublisher } from "./diagnostics-publisher.js";
import { documentSymbols } from "./document-symbols.js";
import { formattingEdits } from "./formatting.js";
import { describe, guarded, type ErrorLog } from "./guarded.js";
import { hoverAt } from "./hover.js";
import { inlayHints } from "./inlay-hints.js";
import { definitionAt, referencesAt } from "./navigation.js";
import { prepareRenameAt, renameAt } from "./rename.js";
import { defaultSettings, readSettings, type ServerSettings } from "./settings.js";

export interface LanguageServerOptions {
  input: Readable;
  output: Writable;
  /** Reported to the client in serverInfo. */
  version?: string;
  /** Reads files that specs import and the editor does not have open; without it only open ones are found. */
  readFile?: ReadFile;
}

const capabilities: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { triggerCharacters: ["(", ",", "="] },
  documentSymbolProvider: true,
  inlayHintProvider: true,
  documentFormattingProvider: true,
};

/**
 * Runs the nnspec language server on a pair of streams until the client says `exit` (or goes
 * away); resolves with the exit code. Every feature reads one check() of the document per
 * version, so diagnostics, hovers and hints always agree with `nnspec check`.
 */
export function startLanguageServer(options: LanguageServerOptions): Promise<number> {
  const { connection, exited } = createServerConnection(options.input, options.output);
  const log: ErrorLog = (message) => connection.console.error(message);
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = defaultSettings;
  let canPullSettings = false;
  let canRefreshHints = false;
  // An imported file open in the editor is read as it is there, unsaved edits included.
  const readFile: ReadFile = (path) => {
    const open = documents.all().find((d) => fileName(d.uri) === path);
    if (open !== undefined) return { text: open.getText() };
    return options.readFile?.(path) ?? { error: "FileNotFound", message: "it is not open in the editor" };
  };
  const analyses = new Analyses(() => settings, readFile);
  const publisher = new DiagnosticsPublisher(analyses, (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, version }), log);

  const applySettings = (next: ServerSettings): void => {
    settings = next;
    publisher.refresh(documents.all());
    if (canRefreshHints) connection.languages.inlayHint.refresh().catch((error: unknown) => log(`nnspec: inlay hint refresh failed: ${describe(error)}`));
  };
  const pullSettings = async (): Promise<void> => {
    try {
      applySettings(readSettings(await connection.workspace.getConfiguration("nnspec"), settings));
    } catch (error) {
      log(`nnspec: reading the settings failed: ${describe(error)}`);
    }
  };

  connection.onInitialize((params): InitializeResult => {
    settings = readSettings(params.initializationOptions);
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    return { capabilities, serverInfo: { name: "nnspec", version: options.version } };
  });
  connection.onInitialized(() => {
    if (canPullSettings) void pullSettings();
  });
  connection.onDidChangeConfiguration((change) => {
    // Push-model clients send the settings; pull-model ones send null and expect a request.
    if (change.settings !== null && change.settings !== undefined) applySettings(readSettings(change.settings, settings));
    else if (canPullSettings) void pullSettings();
  });

  documents.onDidOpen((event) => publisher.now(event.document));
  documents.onDidChangeContent((event) => publisher.later(event.document, () => documents.get(event.document.uri)));
  documents.onDidClose((event) => {
    analyses.forget(event.document.uri);
    publisher.clear(event.document.uri);
  });

  /** Runs a position request on the document's analysis; unknown documents get `fallback`. */
  const atPosition = <P extends TextDocumentPositionParams, R>(name: string, fallback: R, answer: (analysis: Analysis, offset: number, params: P) => R) =>
    guarded<P, R>(log, name, fallback, (params) => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) return fallback;
      return answer(analyses.of(document), document.offsetAt(params.position), params);
    });
  /** Runs a whole-document request on the document's analysis. */
  const onDocument = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, answer: (analysis: Analysis, params: P) => R) =>
    guarded<P, R>(log, name, fallback, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document === undefined ? fallback : answer(analyses.of(document), params);
    });

  connection.onHover(atPosition("hover", null, hoverAt));
  connection.onDefinition(atPosition("definition", null, definitionAt));
  connection.onReferences(atPosition("references", [], (a, offset, p) => referencesAt(a, offset, p.context.includeDeclaration)));
  connection.onPrepareRename(atPosition("prepareRename", null, prepareRenameAt));
  connection.onRenameRequest(atPosition("rename", null, (a, offset, p) => renameAt(a, offset, p.newName)));
  connection.onCompletion(atPosition("completion", [], completionsAt));
  connection.onDocumentSymbol(onDocument("documentSymbol", [], documentSymbols));
  connection.languages.inlayHint.on(onDocument("inlayHint", [], (a, p) => inlayHints(a, p.range)));
  connection.onDocumentFormatting(onDocument("formatting", [], formattingEdits));

  documents.listen(connection);
  connection.listen();
  return exited.finally(() => {
    publisher.dispose();
    connection.dispose();
  });
}
