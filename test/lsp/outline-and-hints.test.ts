import { describe, expect, it } from "vitest";
import { SymbolKind } from "vscode-languageserver/node.js";
import { documentSymbols } from "../../src/lsp/document-symbols.js";
import { inlayHints } from "../../src/lsp/inlay-hints.js";
import { analyze } from "./support/analyze.js";

const spec = `model Pair {
  where T == 10
  input x: float32[batch, T, 4]
  fwd, bwd = Bidirectional(LSTM(3), merge_mode=none)(x)
  both = concatenate(fwd, bwd)
  output both
}
`;

describe("document symbols", () => {
  it("lists constraints, inputs, each destructured name and outputs", () => {
    const [model] = documentSymbols(analyze(spec));
    expect(model?.kind).toBe(SymbolKind.Module);
    expect(model?.children?.map((c) => [c.name, c.kind, c.detail])).toEqual([
      ["where T == 10", SymbolKind.Operator, undefined],
      ["x", SymbolKind.Field, "input float32[batch, 10, 4]"],
      ["fwd", SymbolKind.Variable, "float32[batch, 3]"],
      ["bwd", SymbolKind.Variable, "float32[batch, 3]"],
      ["both", SymbolKind.Variable, "float32[batch, 6]"],
      ["both", SymbolKind.Event, "output float32[batch, 6]"],
    ]);
  });

  it("is empty for a file without a model", () => {
    expect(documentSymbols(analyze("// nothing here\n"))).toEqual([]);
  });
});

describe("inlay hints", () => {
  const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

  it("names each tensor of a destructuring and skips statements without a value", () => {
    const hints = inlayHints(analyze(spec), all);
    expect(hints.map((h) => [h.position.line, h.label])).toEqual([
      [3, "fwd: float32[batch, 3], bwd: float32[batch, 3]"],
      [4, "float32[batch, 6]"],
    ]);
  });

  it("only covers the requested lines", () => {
    expect(inlayHints(analyze(spec), { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } })).toHaveLength(1);
  });

  it("is off when the settings say so", () => {
    expect(inlayHints(analyze(spec, { inlayHints: { enabled: false }, params: {} }), all)).toEqual([]);
  });
});
