import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

export const grammarPath = new URL("../../grammar/nnspec.tmLanguage.json", import.meta.url);

/** One token of a line and the scopes TextMate gives it, innermost last. */
export interface ScopedToken {
  text: string;
  scopes: string[];
}

/** Loads grammar/nnspec.tmLanguage.json with the oniguruma regex engine VS Code uses. */
export async function loadNnspecGrammar(): Promise<(source: string) => ScopedToken[][]> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "source.nnspec" ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath.pathname) : null,
  });
  const grammar = await registry.loadGrammar("source.nnspec");
  if (grammar === null) throw new Error("the nnspec grammar did not load");
  return (source) => {
    let state = textmate.INITIAL;
    return source.split("\n").map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}
