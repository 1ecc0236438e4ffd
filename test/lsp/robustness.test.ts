import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CompletionItem, DocumentSymbol, Hover, InlayHint, TextEdit } from "vscode-languageserver/node.js";
import { startClient, type TestClient } from "./support/language-client.js";

const uri = "file:///work/broken.nnspec";
const everywhere = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

/** Every position request the server answers, at one position. */
async function askEverything(client: TestClient, target: string, position: { line: number; character: number }) {
  const textDocument = { uri: target };
  const ask = <R>(method: string, params: object = {}) => client.connection.sendRequest<R>(method, { textDocument, ...params });
  return {
    hover: await ask<Hover | null>("textDocument/hover", { position }),
    definition: await ask("textDocument/definition", { position }),
    references: await ask("textDocument/references", { position, context: { includeDeclaration: true } }),
    prepareRename: await ask("textDocument/prepareRename", { position }),
    rename: await ask("textDocument/rename", { position, newName: "fresh" }),
    completion: await ask<CompletionItem[]>("textDocument/completion", { position }),
    symbols: await ask<DocumentSymbol[]>("textDocument/documentSymbol"),
    hints: await ask<InlayHint[]>("textDocument/inlayHint", { range: everywhere }),
    formatting: await ask<TextEdit[]>("textDocument/formatting", { options: { tabSize: 2, insertSpaces: true } }),
  };
}

describe("the language server on bad input", () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await startClient();
  });
  afterEach(async () => {
    expect(await client.shutdown()).toBe(0);
    // No handler failed: a failure would have been logged.
    expect(client.logs).toEqual([]);
  });

  it.each([
    ["an unfinished call", "model M {\n  input x: float32[batch, 4]\n  output y = x |> Dense(\n}\n", "NN1021"],
    ["no model at all", "", "NN1030"],
    ["stray characters", "model M { @@@ ### }", "NN1010"],
    ["an unterminated string and comment", "model M {\n  a = 'open\n  /* never closed", "NN1011"],
    ["bytes that are not text", "model \u0000\u0001\ufffd {", "NN1004"],
    ["brackets nested too deep", `model M { x = ${"(".repeat(300)}1${")".repeat(300)} }`, "NN1022"],
  ])("reports %s and answers every request", async (_name, text, code) => {
    await client.open(uri, text);
    const published = await client.nextDiagnostics(uri);
    expect(published.diagnostics.map((d) => d.code)).toContain(code);
    const lines = text.split("\n");
    for (const position of [
      { line: 0, character: 0 },
      { line: lines.length - 1, character: lines.at(-1)!.length },
      { line: 999, character: 999 },
    ]) {
      const answers = await askEverything(client, uri, position);
      expect(answers.hover).toBeNull();
      expect(answers.formatting).toEqual([]);
      expect(Array.isArray(answers.completion)).toBe(true);
    }
  });

  it("answers requests past the end of a clean document", async () => {
    const text = "model M {\n  input x: float32[batch, 4]\n  output y = x |> Dense(3)\n}\n";
    await client.open(uri, text);
    await client.nextDiagnostics(uri);
    const answers = await askEverything(client, uri, { line: 500, character: 12 });
    expect(answers).toMatchObject({ hover: null, definition: null, references: [], prepareRename: null, rename: null });
    expect(answers.completion.length).toBeGreaterThan(0);
    expect(answers.symbols[0]?.name).toBe("M");
    const overlong = await askEverything(client, uri, { line: 2, character: 400 });
    expect(overlong.hover).toBeNull();
  });

  it("answers requests about documents it was never given", async () => {
    const answers = await askEverything(client, "file:///never/opened.nnspec", { line: 0, character: 0 });
    expect(answers).toEqual({
      hover: null,
      definition: null,
      references: [],
      prepareRename: null,
      rename: null,
      completion: [],
      symbols: [],
      hints: [],
      formatting: [],
    });
  });

  it("ignores changes to documents that are not open and keeps serving", async () => {
    await client.change("file:///never/opened.nnspec", 2, [{ text: "model M {}" }]);
    await client.close("file:///never/opened.nnspec");
    await client.open(uri, "model M { input x: float32[batch, 2]\n output y = x }");
    expect((await client.nextDiagnostics(uri)).diagnostics).toEqual([]);
  });

  it("keeps the outline of a document that no longer checks", async () => {
    await client.open(uri, "model M {\n  units = 4\n  input x: float32[batch, 2]\n  output y = x |> Dense(units, \n}\n");
    await client.nextDiagnostics(uri);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols[0]?.children?.map((c) => c.name)).toEqual(["units", "x", "y"]);
  });
});
