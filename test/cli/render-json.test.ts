import { describe, expect, it } from "vitest";
import { diagnostic } from "../../src/diagnostics/codes.js";
import { renderJsonDiagnostics, toJsonDiagnostic } from "../../src/cli/render-json.js";
import { spanOf } from "./support/spans.js";

const source = "model M {\n  x = Dense(10)\n  y = x\n}\n";

describe("toJsonDiagnostic", () => {
  it("gives 1-based lines and columns with an exclusive end column", () => {
    const d = diagnostic("UnknownName", "unknown name 'Dense'", spanOf(source, "Dense"));
    expect(toJsonDiagnostic(d)).toEqual({
      file: "model.nnspec",
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 12,
      severity: "error",
      code: "NN2001",
      message: "unknown name 'Dense'",
    });
  });

  it("keeps the key order tools see first", () => {
    const d = diagnostic("UnusedBinding", "m", spanOf(source, "y"));
    expect(Object.keys(toJsonDiagnostic(d))).toEqual([
      "file",
      "line",
      "column",
      "endLine",
      "endColumn",
      "severity",
      "code",
      "message",
    ]);
  });

  it("adds related locations only when there are some", () => {
    const d = diagnostic("UnknownName", "m", spanOf(source, "x", "model.nnspec", 1), [
      { message: "'x' defined here", span: spanOf(source, "x") },
    ]);
    expect(toJsonDiagnostic(d).related).toEqual([
      { file: "model.nnspec", line: 2, column: 3, endLine: 2, endColumn: 4, message: "'x' defined here" },
    ]);
  });
});

describe("renderJsonDiagnostics", () => {
  it("prints one parseable array, even when empty", () => {
    expect(JSON.parse(renderJsonDiagnostics([]))).toEqual([]);
    const d = diagnostic("UnknownName", "m", spanOf(source, "Dense"));
    const parsed: unknown = JSON.parse(renderJsonDiagnostics([d, d]));
    expect(parsed).toHaveLength(2);
  });
});
