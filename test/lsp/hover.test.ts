import { describe, expect, it } from "vitest";
import type { Hover, MarkupContent } from "vscode-languageserver/node.js";
import { hoverAt } from "../../src/lsp/hover.js";
import { analyze, offsetOf } from "./support/analyze.js";

const spec = `model Shared {
  units = 4
  doubled = 2 * units
  input a: float32[batch, 5]
  input b: float32[batch, 5]
  project = Dense(units, activation="relu")
  pa = project(a)
  pb = project(b)
  fwd, bwd = Bidirectional(LSTM(doubled), merge_mode=none)(a |> RepeatTwice)
  output y = concatenate(pa, pb) |> Dense(3)
}
`;

function hover(text: string, needle: string, delta = 0, nth = 0): string {
  const result: Hover | null = hoverAt(analyze(text), offsetOf(text, needle, delta, nth));
  return (result?.contents as MarkupContent | undefined)?.value ?? "";
}

describe("hover", () => {
  it("shows a shared layer with how often it is applied", () => {
    const text = hover(spec, "project =");
    expect(text).toContain("project = Dense(…)");
    expect(text).toContain("applied twice, sharing its weights");
    expect(text).toContain("**Dense** layer `project` · 24 parameters");
    expect(text).toContain('activation="relu"');
  });

  it("shows constants computed from parameters", () => {
    expect(hover(spec, "doubled =")).toContain("doubled = 8");
    expect(hover(spec, "doubled =")).toContain("A constant");
    expect(hover(spec, "units", 0, 1)).toContain("units = 4");
  });

  it("shows a layer type's summary and options where it is not the call itself", () => {
    const text = hover(spec, "LSTM(");
    expect(text).toContain("**LSTM** layer: Long short-term memory");
    expect(text).toContain("- `units`: integer ≥ 1 (required)");
    expect(text).toContain('- `recurrent_activation`: ');
  });

  it("shows a function's summary", () => {
    const clean = spec.replace(" |> RepeatTwice", "");
    expect(hover(clean, "concatenate", 1)).toContain("Concatenate: float32[batch, 4], float32[batch, 4] → float32[batch, 8]");
    const unapplied = "model F {\n  input x: float32[batch, 3]\n  output y = x\n  // softmax(x) would normalise\n}\n";
    expect(hover(unapplied, "softmax")).toBe("");
  });

  it("shows an option's schema on its keyword", () => {
    const text = hover(spec, "merge_mode");
    expect(text).toContain('merge_mode: "sum" | "mul" | "concat" | "ave" | none');
    expect(text).toContain('Default: `"concat"`');
    expect(hover(spec, "activation=")).toContain("Default: `none`");
  });

  it("says so when a name's definition has errors", () => {
    expect(hover(spec, "fwd")).toContain("Its definition has errors");
  });

  it("finds nothing on keywords, punctuation and blank space", () => {
    expect(hover(spec, "model")).toBe("");
    expect(hover(spec, "\n}", 0)).toBe("");
  });
});
