import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { readImportedFile } from "../../src/cli/import-reader.js";
import { Analyses } from "../../src/lsp/analysis.js";
import { prepareRenameAt, renameAt } from "../../src/lsp/rename.js";
import { defaultSettings } from "../../src/lsp/settings.js";
import type { MarkupContent } from "vscode-languageserver/node.js";
import { SymbolKind } from "vscode-languageserver/node.js";
import { completionsAt } from "../../src/lsp/completion.js";
import { documentSymbols } from "../../src/lsp/document-symbols.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { definitionAt, referencesAt } from "../../src/lsp/navigation.js";
import { analyze, offsetOf, positionOf, testUri } from "./support/analyze.js";

const spec = `block FeedForward(x, units=8) {
  h = x |> Dense(units, activation="relu")
  output y = h |> Dense(2)
}

model M {
  input x: float32[batch, 8]
  output y = FeedForward(x, units=4)
}
`;

describe("blocks in the editor", () => {
  const analysis = analyze(spec);

  it("outlines blocks beside the model", () => {
    const outline = documentSymbols(analysis);
    expect(outline.map((s) => [s.name, s.kind, s.detail])).toEqual([
      ["FeedForward", SymbolKind.Function, "block FeedForward(x, units=8)"],
      ["M", SymbolKind.Module, "model"],
    ]);
    expect(outline[0]?.children?.map((c) => c.name)).toEqual(["h", "y"]);
  });

  it("hovers and goes to a block from where it is called", () => {
    const call = offsetOf(spec, "FeedForward(x,", 3, 1);
    expect((hoverAt(analysis, call)?.contents as MarkupContent).value).toContain("block FeedForward(x, units=8)");
    expect(definitionAt(analysis, call)?.range.start).toEqual(positionOf(spec, offsetOf(spec, "FeedForward")));
  });

  it("shows the layer calls inside a block with their types", () => {
    const text = (hoverAt(analysis, offsetOf(spec, "Dense(units", 1))?.contents as MarkupContent).value;
    expect(text).toContain("Dense: float32[batch, 8] → float32[batch, 4]");
  });

  it("completes block names", () => {
    const items = completionsAt(analysis, offsetOf(spec, "FeedForward(x,", 0, 1));
    expect(items.find((i) => i.label === "FeedForward")?.detail).toBe("block FeedForward(x, units=8)");
  });

  it("completes the names of the block the cursor is in", () => {
    const names = (at: number) => completionsAt(analysis, at).filter((i) => i.sortText?.startsWith("1")).map((i) => i.label);
    expect(names(offsetOf(spec, "h |>"))).toEqual(["x", "units", "h", "y"]);
    expect(names(offsetOf(spec, "FeedForward(x,", 0, 1))).toEqual(["x", "y"]);
  });
});

describe("block names: references and rename", () => {
  const text = `block Project(x, units=8) {
  output y = x |> Dense(units)
}

block Twice(x) {
  output y = x |> Project |> Project(units=3)
}

model M {
  input x: float32[batch, 8]
  h = Project(x)
  output y = Twice(h)
}
`;
  const analysis = analyze(text);
  const starts = (locations: { range: { start: { line: number; character: number } } }[]) => locations.map((l) => l.range.start);

  it("finds every call of a block, in blocks and the model, from any of them", () => {
    const declaration = positionOf(text, offsetOf(text, "Project"));
    const calls = [offsetOf(text, "Project", 0, 1), offsetOf(text, "Project", 0, 2), offsetOf(text, "Project", 0, 3)].map((o) => positionOf(text, o));
    expect(starts(referencesAt(analysis, offsetOf(text, "Project(x)", 2), false))).toEqual(calls);
    expect(starts(referencesAt(analysis, offsetOf(text, "Project", 1), true))).toEqual([declaration, ...calls]);
    expect(definitionAt(analysis, offsetOf(text, "Project |>", 3))?.range.start).toEqual(declaration);
  });

  it("renames a block where it is declared and called, and nothing that only looks alike", () => {
    const edit = renameAt(analysis, offsetOf(text, "Twice(h)", 1), "Double");
    const edits = edit?.changes?.[testUri] ?? [];
    expect(edits.map((e) => e.range.start)).toEqual([positionOf(text, offsetOf(text, "Twice")), positionOf(text, offsetOf(text, "Twice", 0, 1))]);
    expect(prepareRenameAt(analysis, offsetOf(text, "Twice(h)", 1))?.placeholder).toBe("Twice");
    expect(() => renameAt(analysis, offsetOf(text, "Twice(h)"), "Project")).toThrow("'Project' is already declared in this file");
  });
});

describe("imported blocks: definition in their file, references here, no rename", () => {
  const dir = mkdtempSync(join(tmpdir(), "nnspec-lsp-blocks-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "lib.nnspec"), "// a library\nblock Project(x, units=4) {\n  output y = x |> Dense(units)\n}\n");
  const text = 'import { Project } from "lib.nnspec"\nmodel M {\n  input x: float32[batch, 8]\n  output y = x |> Project(units=2)\n}\n';
  const uri = pathToFileURL(join(dir, "main.nnspec")).href;
  const analysis = new Analyses(() => defaultSettings, readImportedFile).of(TextDocument.create(uri, "nnspec", 1, text));

  it("goes to the block in the imported file and lists its uses here", () => {
    const definition = definitionAt(analysis, offsetOf(text, "Project(units", 2));
    expect(definition?.uri).toBe(pathToFileURL(join(dir, "lib.nnspec")).href);
    expect(definition?.range.start).toEqual({ line: 1, character: 6 });
    const references = referencesAt(analysis, offsetOf(text, "Project }"), true);
    expect(references.map((r) => [r.uri === uri ? "here" : "lib", r.range.start.line])).toEqual([["lib", 1], ["here", 0], ["here", 3]]);
  });

  it("refuses to rename it here", () => {
    expect(() => renameAt(analysis, offsetOf(text, "Project(units"), "P")).toThrow("declared in another file");
  });
});
