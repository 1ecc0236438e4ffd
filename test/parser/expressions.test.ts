import { describe, expect, it } from "vitest";
import { parseBody, parseExpr, show } from "./support.js";

describe("expressions", () => {
  it.each([
    // literals and primaries
    ["42", "42"],
    ['"s"', '"s"'],
    ["true", "true"],
    ["false", "false"],
    ["none", "none"],
    ["name", "name"],
    ["[]", "[]"],
    ["[1, [2, 3], x]", "[1 [2 3] x]"],
    ["(x)", "x"],
    // precedence, lowest first: |>, + -, * /, unary -, call
    ["a + b * c", "(+ a (* b c))"],
    ["a * b + c", "(+ (* a b) c)"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b * c", "(* (/ a b) c)"],
    ["-a * b", "(* (- a) b)"],
    ["a * -b", "(* a (- b))"],
    ["- - a", "(- (- a))"],
    ["a - -b", "(- a (- b))"],
    ["-f(x)", "(- f(x))"],
    ["a |> b + c", "(|> a (+ b c))"],
    ["a + b |> c", "(|> (+ a b) c)"],
    ["a |> f |> g", "(|> a f g)"],
    ["(a |> f) |> g", "(|> (|> a f) g)"],
    ["a |> (f |> g)", "(|> a (|> f g))"],
    ["h + c * 2", "(+ h (* c 2))"],
    // calls
    ["f()", "f()"],
    ["f(a)(b)", "f(a)(b)"],
    ["f()()", "f()()"],
    ["Dense(200, activation=\"tanh\")(x)", 'Dense(200, activation="tanh")(x)'],
    ["f(g(h(1)))", "f(g(h(1)))"],
    ["f(k=-1, j=[1, 2], m=a + b)", "f(k=(- 1), j=[1 2], m=(+ a b))"],
    ["f(x |> g)", "f((|> x g))"],
    ["(f)(x)", "f(x)"],
    ["[f, g](x)", "[f g](x)"],
  ])("parses %s as %s", (source, expected) => {
    expect(show(parseExpr(source))).toBe(expected);
  });

  it("keeps arguments in order and marks keyword arguments", () => {
    const value = parseExpr("LSTM(200, return_sequences=true, 3)");
    expect(value.kind).toBe("Call");
    if (value.kind !== "Call") return;
    expect(value.args.map((a) => [a.name?.name, show(a.value)])).toEqual([
      [undefined, "200"],
      ["return_sequences", "true"],
      [undefined, "3"],
    ]);
  });

  it("builds a long '-' run and long chains without recursion limits", () => {
    expect(show(parseExpr(`${"-".repeat(5000)}x`)).startsWith("(- (- (- ")).toBe(true);
    const chain = parseExpr(Array.from({ length: 5000 }, (_, i) => `x${i}`).join(" |> "));
    expect(chain.kind === "Pipe" && chain.stages.length).toBe(5000);
    const sum = parseExpr(Array.from({ length: 5000 }, () => "1").join(" + "));
    expect(sum.kind).toBe("Binary");
  });
});

describe("dims", () => {
  /** The dims of `input x: int32[<dims>]`, shown. */
  function dims(source: string): string[] {
    const [input] = parseBody(`input x: int32[${source}]`);
    return input?.kind === "Input" ? input.type.dims.map(show) : [];
  }

  it.each([
    ["batch, 20", ["batch", "20"]],
    ["?, ?", ["?", "?"]],
    ["T1 + T2, 2 * T, T - 1", ["(+ T1 T2)", "(* 2 T)", "(- T 1)"]],
    ["a + b * c", ["(+ a (* b c))"]],
    ["(a + b) * c", ["(* (+ a b) c)"]],
    ["? * 2", ["(* ? 2)"]],
    ["", []],
  ])("reads [%s]", (source, expected) => {
    expect(dims(source)).toEqual(expected);
  });
});

describe("indexing", () => {
  it("parses indices and slices after any postfix, in source order", () => {
    expect(show(parseExpr("h[:, -1, :]"))).toBe("h[:, (- 1), :]");
    expect(show(parseExpr("x[:, 2:10:2]"))).toBe("x[:, 2:10:2]");
    expect(show(parseExpr("f(x)[:, 1:](y)"))).toBe("f(x)[:, 1:](y)");
    expect(show(parseExpr("a |> b[0]"))).toBe("(|> a b[0])");
  });
});
