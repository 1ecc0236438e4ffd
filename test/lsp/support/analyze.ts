import { TextDocument } from "vscode-languageserver-textdocument";
import { Analyses, type Analysis } from "../../../src/lsp/analysis.js";
import { defaultSettings, type ServerSettings } from "../../../src/lsp/settings.js";

export const testUri = "file:///specs/test.nnspec";

/** The server's analysis of a text, as a feature sees it. */
export function analyze(text: string, settings: ServerSettings = defaultSettings): Analysis {
  return new Analyses(() => settings).of(TextDocument.create(testUri, "nnspec", 1, text));
}

/** The offset of the `nth` occurrence (0-based) of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
  }
  return at + delta;
}

/** The LSP position of an offset (the test texts use \n only). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length - 1, character: before.at(-1)!.length };
}
