import { describe, expect, it } from "vitest";
import { CompletionItemKind } from "vscode-languageserver/node.js";
import { completionsAt } from "../../src/lsp/completion.js";
import { analyze } from "./support/analyze.js";

/** Completions at the `‸` of a spec body. */
function complete(body: string) {
  const text = `model M {\n  input x: float32[batch, 10, 4]\n${body}\n}\n`;
  const offset = text.indexOf("‸");
  return completionsAt(analyze(text.replace("‸", "")), offset);
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe("completion", () => {
  it("offers a function's options but not the ones the function fixes", () => {
    const items = complete("  output y = relu(x, ‸)");
    const options = items.filter((i) => i.kind === CompletionItemKind.Property);
    expect(options).toEqual([]); // Activation's only option is fixed by relu
    const dot = labels(complete("  output y = dot(x, x, ‸)").filter((i) => i.kind === CompletionItemKind.Property));
    expect(dot).toEqual(["axes", "normalize"]);
  });

  it("lists required options first", () => {
    const options = complete("  output y = x |> Embedding(‸)").filter((i) => i.kind === CompletionItemKind.Property);
    const sorted = [...options].sort((a, b) => (a.sortText ?? "").localeCompare(b.sortText ?? ""));
    expect(labels(sorted.slice(0, 2)).sort()).toEqual(["input_dim", "output_dim"]);
    expect(sorted[0]?.detail).toBe("required");
  });

  it("offers true and false after a flag, and the enum after an enum option", () => {
    expect(labels(complete("  output y = x |> LSTM(3, return_state=‸)")).slice(0, 2)).toEqual(["true", "false"]);
    const activations = labels(complete("  output y = x |> LSTM(3, activation=‸)"));
    expect(activations).toEqual(expect.arrayContaining(['"relu"', '"tanh"', "none"]));
    expect(activations).not.toContain("LSTM");
  });

  it("offers every value where an unknown option's value goes", () => {
    expect(labels(complete("  output y = x |> LSTM(3, bogus=‸)"))).toEqual(expect.arrayContaining(["LSTM", "x", "true", "none"]));
  });

  it("offers names, layers, functions and regularizers, and statement keywords only at statement level", () => {
    const top = labels(complete("  ‸"));
    expect(top).toEqual(expect.arrayContaining(["x", "input", "output", "where", "Dense", "Bidirectional", "concatenate", "tanh", "l2"]));
    expect(top).not.toContain("model");
    const text = "model M {}\n";
    expect(labels(completionsAt(analyze(text), text.length))).toEqual(expect.arrayContaining(["model", "block", "import"]));
    const inside = labels(complete("  output y = Dense(‸)"));
    expect(inside).not.toContain("input");
    expect(inside).toContain("units");
  });

  it("offers nothing inside comments and strings", () => {
    expect(complete("  // Dense(‸")).toEqual([]);
    expect(complete('  output y = x |> Dense(2, activation="‸")')).toEqual([]);
  });

  it("does not offer the name being declared", () => {
    expect(labels(complete("  hidden‸"))).not.toContain("hidden");
  });
});
