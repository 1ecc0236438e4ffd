import { describe, expect, it } from "vitest";
import type { Binding } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";
import { brief, diagnosticsOf, range, show } from "./support.js";

describe("syntax errors", () => {
  it.each([
    [
      "an unclosed parenthesis",
      "model M {\n  y = 2 * (a + b\n  x = 1\n}",
      ["2:17 NN1021 expected ')' to close '(' opened at 2:11, found 'x'"],
    ],
    [
      "an unclosed argument list",
      "model M {\n  y = f(a, b\n  x = 1\n}",
      ["2:13 NN1021 expected ',' or ')' to close '(' opened at 2:8, found 'x'"],
    ],
    [
      "an unclosed list",
      "model M { y = [1, 2 }",
      ["1:20 NN1021 expected ',' or ']' to close '[' opened at 1:15, found '}'"],
    ],
    ["a missing value", "model M { x = }", ["1:15 NN1020 expected a value after '=', found '}'"]],
    ["a missing pipe stage", "model M { x = a |> }", ["1:20 NN1020 expected a value after '|>', found '}'"]],
    ["a binding without '='", "model M {\n  foo\n}", ["2:6 NN1021 expected '=' or ':' after 'foo', found '}'"]],
    ["a model without a name", "model { }", ["1:6 NN1021 expected a name after 'model', found '{'"]],
    [
      "a keyword used as a name",
      "model M { input output: int32[1] }",
      ["1:16 NN1021 expected a name after 'input', found 'output' (a keyword, not usable as a name)"],
    ],
    [
      "an input without dtype",
      "model M { input x: [1] }",
      ["1:19 NN1021 expected a dtype such as float32 or int32 after ':', found '['"],
    ],
    ["an input without type", "model M { input x }", ["1:18 NN1021 expected ':' after 'x', found '}'"]],
    [
      "a constraint written with '='",
      "model M { where a = b }",
      ["1:18 NN1021 expected '==' after 'a', found '=' (a constraint compares with '==')"],
    ],
    ["a bad dim", "model M { input x: int32[=] }", ["1:26 NN1021 expected a dim or ']' to close '[' opened at 1:25, found '='"]],
    ["a bad dim after a ','", "model M { input x: int32[1, *] }", ["1:28 NN1021 expected a dim or ']' to close '[' opened at 1:25, found '*'"]],
    ["a doubled ',' in a list", "model M { x = [1,, 2] }", ["1:18 NN1021 expected a value or ']' to close '[' opened at 1:15, found ','"]],
    ["a stray token between statements", "model M { a = 1 ) b = 2 }", ["1:17 NN1020 expected a statement or '}', found ')'"]],
    [
      "an unclosed model",
      "model M {\n  a = 1\n",
      ["2:8 NN1021 expected '}' to close '{' opened at 1:9, found the end of the file"],
    ],
    ["text before the model", "x = 1\nmodel M {}", ["1:1 NN1020 expected 'model', found 'x'"]],
    [
      "a statement after the model's end",
      "model M {\n  a = 1\n}\nb = 2",
      ["4:1 NN1020 unexpected 'b' after the end of the model (the '}' at 3:1 closes it)"],
    ],
  ])("reports %s", (_, source, expected) => {
    expect(diagnosticsOf(source)).toEqual(expected);
  });

  it("points a missing token at the end of the previous token, and an unexpected one at itself", () => {
    const missing = parse("model M {\n  y = f(a\n}", "m.nnspec").diagnostics[0]!;
    expect(range(missing.span)).toBe("2:10-2:10");
    const unexpected = parse("model M { x = ] }", "m.nnspec").diagnostics[0]!;
    expect(range(unexpected.span)).toBe("1:15-1:16");
  });

  it("reports every error of a file in one run and keeps the good statements", () => {
    const source = [
      "model Broken {",
      "  input x: int32[batch, 20",
      "  a = Dense(200, activation=)(x)",
      "  b = (a |> )",
      "  good = LSTM(10)(a)",
      "  c = [1, 2",
      "  where T == ",
      "  output good",
      "}",
    ].join("\n");
    const result = parse(source, "broken.nnspec");
    expect(result.diagnostics.map(brief)).toEqual([
      "2:27 NN1021 expected ',' or ']' to close '[' opened at 2:17, found 'a'",
      "3:29 NN1020 expected a value after '=', found ')'",
      "4:13 NN1020 expected a value after '|>', found ')'",
      "6:12 NN1021 expected ',' or ']' to close '[' opened at 6:7, found 'where'",
      "8:3 NN1020 expected a dim (a number, a name or '?') after '==', found 'output'",
    ]);
    const body = result.program.models[0]!.body;
    expect(body.map((s) => s.kind)).toEqual(["Input", "Binding", "Binding", "Binding", "Binding", "Where", "Output"]);
    const good = body[3] as Binding;
    expect(good.targets[0]!.name.name).toBe("good");
    expect(show(good.value)).toBe("LSTM(10)(a)");
    const b = body[2] as Binding;
    expect(show(b.value)).toBe("(|> a <missing>)");
  });

  it("does not echo one mistake as several errors", () => {
    expect(diagnosticsOf("model M { y = f(x y) }")).toEqual([
      "1:18 NN1021 expected ',' or ')' to close '(' opened at 1:16, found 'y'",
    ]);
    expect(diagnosticsOf("model M {\n  foo\n  bar = 1\n}")).toEqual([
      "2:6 NN1021 expected '=' or ':' after 'foo', found 'bar'",
    ]);
  });

  it("stops after 100 errors with a note, and stays fast on a file of junk", () => {
    const source = `model M {\n${"  a b c\n".repeat(20_000)}}`;
    const started = performance.now();
    const diagnostics = parse(source, "junk.nnspec").diagnostics;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(diagnostics.length).toBeLessThanOrEqual(101);
    expect(diagnostics.at(-1)?.message).toBe("too many syntax errors: the rest of the file was not checked");
  });
});
