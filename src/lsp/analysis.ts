import { fileURLToPath } from "node:url";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { check, type CheckResult, type ReadFile } from "../api/check.js";
import type { SymbolInfo } from "../ir/lower/symbols.js";
import type { ServerSettings } from "./settings.js";

/** A document checked at one version: what every feature of the server reads. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  /** The file name diagnostics and spans use (the path for file: URIs). */
  file: string;
  result: CheckResult;
  /**
   * The symbols of this version, or, while it does not parse (mid-typing), those of the last
   * version that did: their kinds and types still describe the names completion offers.
   */
  knownSymbols: SymbolInfo[];
  settings: ServerSettings;
}

/** Checks documents once per version and keeps the latest result of each. */
export class Analyses {
  private readonly cache = new Map<string, Analysis>();

  constructor(
    private readonly settings: () => ServerSettings,
    /** Reads the files a spec imports. */
    private readonly readFile?: ReadFile,
  ) {}

  /** The analysis of the document's current version, checking it if needed. */
  of(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    const settings = this.settings();
    if (cached !== undefined && cached.version === document.version && cached.settings === settings) return cached;
    const text = document.getText();
    const file = fileName(document.uri);
    const params = Object.keys(settings.params).length > 0 ? settings.params : undefined;
    const result = check(text, { file, params, readFile: this.readFile });
    const knownSymbols = result.symbols.length > 0 ? result.symbols : (cached?.knownSymbols ?? []);
    const analysis = { uri: document.uri, version: document.version, text, file, result, knownSymbols, settings };
    this.cache.set(document.uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The path of a file: URI, so messages name files as `nnspec check` does; other URIs as they are. */
export function fileName(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
