import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  CompletionItem,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  MarkupContent,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver/node.js";
import { CompletionItemKind } from "vscode-languageserver/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import { check } from "../../src/api/check.js";
import { formatSource } from "../../src/format/index.js";
import { DEBOUNCE_MS } from "../../src/lsp/diagnostics-publisher.js";
import { attentionSpec } from "./support/attention-spec.js";
import { offsetOf, positionOf } from "./support/analyze.js";
import { startClient, type TestClient } from "./support/language-client.js";

const uri = "file:///work/specs/attention.nnspec";
const file = "/work/specs/attention.nnspec";

/** The diagnostics `nnspec check` reports for a text, converted by hand to what LSP expects. */
function expectedDiagnostics(text: string) {
  const range = (s: { start: { line: number; column: number }; end: { line: number; column: number } }) => ({
    start: { line: s.start.line - 1, character: s.start.column - 1 },
    end: { line: s.end.line - 1, character: s.end.column - 1 },
  });
  return check(text, { file }).diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    range: range(d.span),
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: range(r.span) }, message: r.message })),
  }));
}

function comparable(params: PublishDiagnosticsParams) {
  return params.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range, relatedInformation: d.relatedInformation }));
}

function hoverText(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? "";
}

describe("an editor session with nnspec lsp", () => {
  let client: TestClient;
  const at = (text: string, needle: string, delta = 0, nth = 0) => positionOf(text, offsetOf(text, needle, delta, nth));
  const request = <R>(method: string, params: object) => client.connection.sendRequest<R>(method, { textDocument: { uri }, ...params });

  beforeEach(async () => {
    client = await startClient();
    await client.open(uri, attentionSpec);
  });
  afterEach(async () => {
    client.connection.dispose();
  });

  it("announces its features", () => {
    const capabilities = client.initialized.capabilities;
    expect(capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      inlayHintProvider: true,
      documentFormattingProvider: true,
    });
    expect(capabilities.completionProvider?.triggerCharacters).toContain("(");
    expect(client.initialized.serverInfo?.name).toBe("nnspec");
  });

  it("publishes check's diagnostics on open, after edits settle, and clears them on close", async () => {
    expect((await client.nextDiagnostics(uri)).diagnostics).toEqual([]);

    // Three quick edits: one check, of the last version, once typing pauses.
    const document = TextDocument.create(uri, "nnspec", 1, attentionSpec);
    const edits = ["axes=1", "axes=3", "axes=1"];
    const started = Date.now();
    edits.forEach((replacement, i) => {
      const range = { start: document.positionAt(offsetOf(attentionSpec, "axes=2")), end: document.positionAt(offsetOf(attentionSpec, "axes=2", 6)) };
      void client.change(uri, i + 2, [{ range, text: replacement }]);
    });
    const published = await client.nextDiagnostics(uri);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEBOUNCE_MS - 20);
    expect(published.version).toBe(4);
    const edited = attentionSpec.replace("axes=2", "axes=1");
    expect(published.diagnostics.length).toBeGreaterThan(0);
    expect(comparable(published)).toEqual(expectedDiagnostics(edited));
    expect(published.diagnostics.every((d) => d.source === "nnspec")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS * 2));
    expect(client.published.filter((p) => p.uri === uri)).toHaveLength(2);

    await client.close(uri);
    expect((await client.nextDiagnostics(uri)).diagnostics).toEqual([]);
  });

  it("reports related locations and codes as check does", async () => {
    await client.nextDiagnostics(uri);
    const broken = attentionSpec.replace("units = 8", "units = 8\n  units = 9");
    await client.change(uri, 2, [{ text: broken }]);
    const published = await client.nextDiagnostics(uri);
    expect(comparable(published)).toEqual(expectedDiagnostics(broken));
    expect(published.diagnostics.some((d) => (d.relatedInformation ?? []).length > 0)).toBe(true);
  });

  it("hovers names with their types, layer calls with their options, and literals with their values", async () => {
    const encoded = hoverText(await request<Hover>("textDocument/hover", { position: at(attentionSpec, "encoded =", 3) }));
    expect(encoded).toContain("encoded: float32[batch, 20, 8]");
    expect(encoded).toContain("**LSTM** layer `encoded` · 800 parameters");
    expect(encoded).toMatch(/units=8,\n\s+return_sequences=true,\n/);
    expect(encoded).toContain('recurrent_activation="sigmoid"');

    const vocab = hoverText(await request<Hover>("textDocument/hover", { position: at(attentionSpec, "vocab_size", 0, 1) }));
    expect(vocab).toContain("vocab_size = 1000");

    const input = hoverText(await request<Hover>("textDocument/hover", { position: at(attentionSpec, "tokens |>", 1) }));
    expect(input).toContain("input tokens: int32[batch, 20]");

    const call = hoverText(await request<Hover>("textDocument/hover", { position: at(attentionSpec, "dot(queries", 1) }));
    expect(call).toContain("Dot: float32[batch, 30, 8], float32[batch, 20, 8] → float32[batch, 30, 20]");
    expect(call).toContain("axes=2");
  });

  it("goes to definitions and finds references", async () => {
    const definition = await request<Location>("textDocument/definition", { position: at(attentionSpec, "encoded,", 2) });
    expect(definition).toEqual({ uri, range: { start: at(attentionSpec, "encoded ="), end: at(attentionSpec, "encoded =", 7) } });

    const uses = await request<Location[]>("textDocument/references", {
      position: at(attentionSpec, "embedding ="),
      context: { includeDeclaration: false },
    });
    expect(uses.map((l) => l.range.start)).toEqual([at(attentionSpec, "embedding |>"), at(attentionSpec, "embedding |>", 0, 1)]);
    const all = await request<Location[]>("textDocument/references", {
      position: at(attentionSpec, "embedding |>"),
      context: { includeDeclaration: true },
    });
    expect(all).toHaveLength(3);
  });

  it("renames a name everywhere and refuses names that are invalid or taken", async () => {
    const position = at(attentionSpec, "encoded, axes", 1);
    const prepared = await request<{ placeholder: string }>("textDocument/prepareRename", { position });
    expect(prepared.placeholder).toBe("encoded");

    const edit = await request<WorkspaceEdit>("textDocument/rename", { position, newName: "memory" });
    const edits = edit.changes?.[uri] ?? [];
    expect(edits).toHaveLength(3);
    const renamed = TextDocument.applyEdits(TextDocument.create(uri, "nnspec", 1, attentionSpec), edits);
    expect(renamed).toBe(attentionSpec.replaceAll("encoded", "memory"));
    expect(check(renamed).diagnostics).toEqual([]);

    for (const [newName, reason] of [
      ["units", "already declared"],
      ["batch", "used as a dimension"],
      ["2x", "not a name"],
      ["output", "keyword"],
    ]) {
      await expect(request("textDocument/rename", { position, newName })).rejects.toThrow(reason);
    }
  });

  it("completes options, option values, layers, functions and names", async () => {
    const typing = attentionSpec.replace("scores = dot(", "scores = dot(queries, encoded, axes=2)\n  bi = queries |> Bidirectional(LSTM(4, ), merge_mode=)\n  unused = dot(");
    await client.change(uri, 2, [{ text: typing }]);
    const complete = (position: { line: number; character: number }) =>
      request<CompletionItem[]>("textDocument/completion", { position });

    const inLstm = await complete(at(typing, "LSTM(4, ", 8));
    const labels = inLstm.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["return_sequences", "go_backwards", "dropout", "encoded", "Dense", "softmax", "true"]));
    // units is given by position; the parameter named units is still offered as a value.
    expect(inLstm.filter((i) => i.label === "units").map((i) => i.kind)).toEqual([CompletionItemKind.Constant]);
    expect(inLstm.find((i) => i.label === "return_sequences")).toMatchObject({ insertText: "return_sequences=", detail: "default false" });

    const mergeModes = (await complete(at(typing, "merge_mode=", 11))).map((i) => i.label);
    expect(mergeModes).toEqual(expect.arrayContaining(['"concat"', '"sum"', '"mul"', '"ave"', "none"]));
    expect(mergeModes).not.toContain("Dense");

    const statementStart = (await complete(at(typing, "  units = 8", 2))).map((i) => i.label);
    expect(statementStart).toEqual(expect.arrayContaining(["input", "output", "where", "Embedding", "LSTM", "dot", "vocab_size"]));
    const layer = (await complete(at(typing, "  units = 8", 2))).find((i) => i.label === "LSTM");
    expect(layer?.detail).toMatch(/Long short-term memory/);
  });

  it("outlines the model", async () => {
    const [model] = await request<DocumentSymbol[]>("textDocument/documentSymbol", {});
    expect(model?.name).toBe("Attention");
    const outline = model?.children?.map((c) => [c.name, c.detail]);
    expect(outline).toEqual([
      ["vocab_size", "= 1000"],
      ["units", "= 8"],
      ["tokens", "input int32[batch, 20]"],
      ["other", "input int32[batch, 30]"],
      ["embedding", "Embedding layer"],
      ["encoded", "float32[batch, 20, 8]"],
      ["queries", "float32[batch, 30, 8]"],
      ["scores", "float32[batch, 30, 20]"],
      ["attended", "output float32[batch, 30, 8]"],
    ]);
  });

  it("shows inferred shapes at the end of binding lines", async () => {
    const hints = await request<InlayHint[]>("textDocument/inlayHint", {
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    expect(hints.map((h) => [h.position, h.label])).toEqual([
      [at(attentionSpec, "=true)\n", 6), "float32[batch, 20, 8]"],
      [at(attentionSpec, "=true)\n", 6, 1), "float32[batch, 30, 8]"],
      [at(attentionSpec, "axes=2)", 7), "float32[batch, 30, 20]"],
      [at(attentionSpec, "[2, 1])", 7), "float32[batch, 30, 8]"],
    ]);
  });

  it("formats the document as nnspec fmt does", async () => {
    const messy = attentionSpec.replace("units = 8", "units=8;").replace("axes=2", "axes = 2");
    await client.change(uri, 2, [{ text: messy }]);
    const edits = await request<TextEdit[]>("textDocument/formatting", { options: { tabSize: 2, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, "nnspec", 2, messy), edits);
    expect(formatted).toBe(formatSource(messy).text);
    expect(formatted).toBe(attentionSpec);
  });

  it("shuts down cleanly, printing nothing besides the protocol", async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.printed()).toBe("");
    expect(client.logs).toEqual([]);
  });
});
