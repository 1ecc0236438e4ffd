import { describe, expect, it } from "vitest";
import type { MarkupContent } from "vscode-languageserver/node.js";
import { SymbolKind } from "vscode-languageserver/node.js";
import { completionsAt } from "../../src/lsp/completion.js";
import { documentSymbols } from "../../src/lsp/document-symbols.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { definitionAt } from "../../src/lsp/navigation.js";
import { analyze, offsetOf, positionOf } from "./support/analyze.js";

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
