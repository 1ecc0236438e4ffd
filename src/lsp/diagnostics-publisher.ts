import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver/node.js";
import type { Analyses } from "./analysis.js";
import { describe, type ErrorLog } from "./guarded.js";
import { toLspDiagnostic } from "./lsp-diagnostics.js";

/** How long typing must pause before a changed document is checked again. */
export const DEBOUNCE_MS = 150;

/** Sends a document's diagnostics, with the version they are about when there is one. */
export type Publish = (uri: string, diagnostics: LspDiagnostic[], version?: number) => void;

/**
 * Publishes each document's diagnostics: at once when it opens, shortly after edits stop
 * (so a burst of keystrokes costs one check), and an empty list when it closes.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, number>();

  constructor(
    private readonly analyses: Analyses,
    private readonly publish: Publish,
    private readonly log: ErrorLog,
    private readonly delayMs = DEBOUNCE_MS,
  ) {}

  /** Checks and publishes now. */
  now(document: TextDocument): void {
    this.cancel(document.uri);
    try {
      const analysis = this.analyses.of(document);
      const target = { uri: document.uri, file: analysis.file };
      this.publish(document.uri, analysis.result.diagnostics.map((d) => toLspDiagnostic(d, target)), document.version);
      this.published.set(document.uri, document.version);
    } catch (error) {
      this.log(`nnspec: checking ${document.uri} failed: ${describe(error)}`);
    }
  }

  /** Checks and publishes once edits pause; nothing to do if this version is already published. */
  later(document: TextDocument, current: () => TextDocument | undefined): void {
    if (this.published.get(document.uri) === document.version) return;
    this.cancel(document.uri);
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      const latest = current();
      if (latest !== undefined) this.now(latest);
    }, this.delayMs);
    this.timers.set(document.uri, timer);
  }

  /** Forgets a closed document and clears its diagnostics in the editor. */
  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.publish(uri, []);
  }

  /** Checks every open document again (after the settings changed). */
  refresh(documents: readonly TextDocument[]): void {
    for (const document of documents) this.now(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
