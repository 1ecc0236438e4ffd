import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatCounts, renderDiagnostic, renderDiagnostics } from "../../src/cli/render.js";
import { pointAt, spanOf } from "./support/spans.js";

const spec = [
  "model SentenceAttention {",
  "  input s1: int32[batch, 20]",
  "  input s2: int32[batch, 30]",
  "  embedding = Embedding(1000, 100)",
  "  lstm = LSTM(200, return_sequences=true)",
  "  bilstm1 = s1 |> embedding |> Bidirectional(lstm)",
  "  bilstm2 = s2 |> embedding |> Bidirectional(LSTM(400, return_sequences=true))",
  "  # the contracted axes differ",
  "  product = dot(bilstm2, bilstm1, axes=2)",
  "}",
  "",
].join("\n");

const plain = { color: false };

/** Renders `d` against a single source file named model.nnspec. */
function render(d: Diagnostic, source: string): string {
  return renderDiagnostic(d, (file) => (file === "model.nnspec" ? source : undefined), plain);
}

/** The underline row of a rendered excerpt, without its gutter. */
function underlineOf(rendered: string): string {
  return rendered.split("\n")[2].replace(/^ +\| /, "");
}

describe("renderDiagnostic", () => {
  it("renders the location, code, source line, underline and related notes", () => {
    const d = diagnostic(
      "DotAxisMismatch",
      "dot 'product': axis 2 of 'bilstm2' [batch, 30, 800] is 800 but axis 2 of 'bilstm1' [batch, 20, 400] is 400",
      spanOf(spec, "dot(bilstm2, bilstm1, axes=2)"),
      [{ message: "'bilstm1' defined here", span: spanOf(spec, "bilstm1") }],
    );
    expect(render(d, spec)).toBe(
      [
        "model.nnspec:9:13: error NN3002: dot 'product': axis 2 of 'bilstm2' [batch, 30, 800] is 800 but axis 2 of 'bilstm1' [batch, 20, 400] is 400",
        "    9 |   product = dot(bilstm2, bilstm1, axes=2)",
        "      |             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "model.nnspec:6:3: note: 'bilstm1' defined here",
        "    6 |   bilstm1 = s1 |> embedding |> Bidirectional(lstm)",
        "      |   ^~~~~~~",
        "",
      ].join("\n"),
    );
  });

  it("labels warnings with their severity", () => {
    const d = diagnostic("UnusedLayer", "layer 'lstm' is never applied", spanOf(spec, "lstm"));
    expect(render(d, spec).split("\n")[0]).toBe("model.nnspec:5:3: warning NN5002: layer 'lstm' is never applied");
  });

  it("expands tabs before the span so the caret stays under it", () => {
    const source = "model M {\n\tx =\tDense(10)\n}\n";
    const rendered = render(diagnostic("UnknownName", "m", spanOf(source, "Dense")), source);
    const [, line, underline] = rendered.split("\n");
    expect(line).toBe("    2 |     x = Dense(10)");
    expect(underline).toBe("      |         ^~~~~");
    expect(line.indexOf("Dense")).toBe(underline.indexOf("^"));
  });

  it("widens the underline over a tab inside the span", () => {
    const source = "a\tb\n";
    const rendered = render(diagnostic("SyntaxError", "m", spanOf(source, "a\tb")), source);
    expect(underlineOf(rendered)).toBe("^~~~~");
  });

  it("gives a zero-width span a single caret", () => {
    const source = "model M {\n  x = Dense(10)\n}\n";
    const rendered = render(diagnostic("MissingToken", "m", pointAt(source, source.indexOf("Dense"))), source);
    expect(rendered.split("\n").slice(1, 3)).toEqual(["    2 |   x = Dense(10)", "      |       ^"]);
  });

  it("puts a caret just past the last character for a span at the end of a line", () => {
    const source = "model M {\n  x = Dense(10\n}\n";
    const offset = source.indexOf("10") + 2;
    const rendered = render(diagnostic("MissingToken", "expected ')'", pointAt(source, offset)), source);
    expect(rendered.split("\n").slice(1, 3)).toEqual(["    2 |   x = Dense(10", "      |               ^"]);
  });

  it("shows an empty line without trailing spaces", () => {
    const source = "a\n\nb\n";
    const rendered = render(diagnostic("SyntaxError", "m", pointAt(source, 2)), source);
    expect(rendered.split("\n").slice(1, 3)).toEqual(["    2 |", "      | ^"]);
  });

  it("underlines a multi-line span to the end of its first line", () => {
    const source = "model M {\n  x = Dense(\n    10)\n}\n";
    const span = spanOf(source, "Dense(\n    10)");
    const rendered = render(diagnostic("SyntaxError", "m", span), source);
    expect(rendered.split("\n").slice(1, 3)).toEqual(["    2 |   x = Dense(", "      |       ^~~~~~"]);
  });

  it("shows a long line in full", () => {
    const source = `x = ${"a + ".repeat(100)}b\n`;
    const rendered = render(diagnostic("UnknownName", "m", spanOf(source, "b")), source);
    const [, line, underline] = rendered.split("\n");
    expect(line).toBe(`    1 | ${source.trimEnd()}`);
    expect(underline.indexOf("^")).toBe(line.lastIndexOf("b"));
  });

  it("handles CRLF line endings", () => {
    const source = "a = 1\r\nb = c\r\n";
    const rendered = render(diagnostic("UnknownName", "m", spanOf(source, "c")), source);
    expect(rendered.split("\n").slice(1, 3)).toEqual(["    2 | b = c", "      |     ^"]);
  });

  it("draws wide characters two columns wide", () => {
    const source = 'x = Dense(10, name="層") y\n';
    const rendered = render(diagnostic("UnknownName", "m", spanOf(source, "y")), source);
    // 層 takes two terminal columns, so the caret moves one further than the UTF-16 index.
    expect(underlineOf(rendered).indexOf("^")).toBe(source.indexOf("y") + 1);
  });

  it("replaces control characters so the source cannot drive the terminal", () => {
    const source = "x = \x1b[31my\n";
    const rendered = render(diagnostic("UnexpectedCharacter", "unexpected \x1b", spanOf(source, "y")), source);
    expect(rendered).not.toContain("\x1b");
    expect(rendered).toContain("\uFFFD");
  });

  it("prints only the header line when the source is not available", () => {
    const span = { ...spanOf(spec, "lstm"), file: "elsewhere.nnspec" };
    expect(render(diagnostic("UnknownName", "m", span), spec)).toBe("elsewhere.nnspec:5:3: error NN2001: m\n");
  });

  it("prints only the header line when the span lies outside the source", () => {
    const start = { offset: 500, line: 40, column: 1 };
    const d = diagnostic("UnknownName", "m", { file: "model.nnspec", start, end: start });
    expect(render(d, "short\n")).toBe("model.nnspec:40:1: error NN2001: m\n");
  });

  it("colours severity, location and underline only when asked", () => {
    const d = diagnostic("UnknownName", "m", spanOf(spec, "lstm"));
    const source = (): string => spec;
    expect(renderDiagnostic(d, source, { color: false })).not.toContain("\x1b[");
    const coloured = renderDiagnostic(d, source, { color: true });
    expect(coloured).toContain("\x1b[1;31merror NN2001:\x1b[0m");
    expect(coloured).toContain("\x1b[1;31m^~~~\x1b[0m");
  });
});

describe("renderDiagnostics", () => {
  it("separates diagnostics by a blank line and ends with the count", () => {
    const ds = [
      diagnostic("UnknownName", "first", spanOf(spec, "lstm")),
      diagnostic("UnusedInput", "second", spanOf(spec, "s2")),
    ];
    const rendered = renderDiagnostics(ds, () => spec, plain);
    expect(rendered.split("\n\n")).toHaveLength(3);
    expect(rendered.endsWith("\n1 error, 1 warning\n")).toBe(true);
  });

  it("prints nothing for no diagnostics", () => {
    expect(renderDiagnostics([], () => spec, plain)).toBe("");
  });
});

describe("formatCounts", () => {
  const span = spanOf(spec, "lstm");
  const error = diagnostic("UnknownName", "m", span);
  const warning = diagnostic("UnusedLayer", "m", span);

  it.each([
    [[error, error, warning], "2 errors, 1 warning"],
    [[error], "1 error"],
    [[warning, warning], "2 warnings"],
    [[{ ...warning, severity: "info" as const }], "1 info message"],
    [[], "no problems"],
  ])("counts %#", (ds, expected) => {
    expect(formatCounts(ds)).toBe(expected);
  });
});
