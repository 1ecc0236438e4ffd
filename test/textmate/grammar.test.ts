import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { functionDefinitions, regularizerFunctionNames } from "../../src/ir/layers/index.js";
import { grammarPath, loadNnspecGrammar, type ScopedToken } from "./load-grammar.js";

let tokenize: (source: string) => ScopedToken[][];
beforeAll(async () => {
  tokenize = await loadNnspecGrammar();
});

/** The innermost scope of the `nth` token whose text is `text`, in a (possibly multi-line) source. */
function scopeOf(source: string, text: string, nth = 0): string {
  const matches = tokenize(source)
    .flat()
    .filter((t) => t.text.trim() === text);
  const token = matches[nth];
  if (token === undefined) throw new Error(`no token '${text}' in ${JSON.stringify(source)}: ${JSON.stringify(tokenize(source))}`);
  return token.scopes.at(-1)!;
}

describe("the TextMate grammar", () => {
  it("is named source.nnspec", () => {
    expect(JSON.parse(readFileSync(grammarPath, "utf8"))).toMatchObject({ scopeName: "source.nnspec", name: "nnspec" });
  });

  it.each([
    ["model SentenceAttention {", "model", "keyword.declaration.model.nnspec"],
    ["model SentenceAttention {", "SentenceAttention", "entity.name.type.model.nnspec"],
    ["block Encoder(x, units=8) {", "Encoder", "entity.name.function.block.nnspec"],
    ["block Encoder(x, units=8) {", "units", "variable.parameter.keyword.nnspec"],
    ['import { Encoder } from "layers.nnspec"', "import", "keyword.control.import.nnspec"],
    ['import { Encoder } from "layers.nnspec"', "from", "keyword.control.import.nnspec"],
    ["  input sentence1: int32[batch, 20]", "input", "keyword.other.input.nnspec"],
    ["  input sentence1: int32[batch, 20]", "sentence1", "variable.other.definition.nnspec"],
    ["  output h = x", "output", "keyword.other.output.nnspec"],
    ["  where T2 == T1", "where", "keyword.other.where.nnspec"],
    ["  where T2 == T1", "==", "keyword.operator.comparison.nnspec"],
    ["  train { epochs = 10 }", "train", "keyword.other.train.nnspec"],
    ["  train { epochs = 10 }", "epochs", "variable.other.property.setting.nnspec"],
    ["  flag = true", "true", "constant.language.boolean.nnspec"],
    ["  x = Bidirectional(LSTM(5), merge_mode=none)", "none", "constant.language.none.nnspec"],
  ])("%j: %s is %s", (line, token, scope) => {
    expect(scopeOf(line, token)).toBe(scope);
  });

  it("scopes shapes: the dtype, symbolic and numeric dims, unknown dims", () => {
    const line = "  input x: float32[batch, 2 * n, 20, ?]";
    expect(scopeOf(line, "float32")).toBe("storage.type.dtype.nnspec");
    expect(scopeOf(line, "batch")).toBe("variable.other.dimension.nnspec");
    expect(scopeOf(line, "*")).toBe("keyword.operator.arithmetic.nnspec");
    expect(scopeOf(line, "20")).toBe("constant.numeric.integer.nnspec");
    expect(scopeOf(line, "?")).toBe("constant.language.unknown-dim.nnspec");
    const annotated = "  product: [batch, 30, 20] = dot(a, b, axes=2)";
    expect(scopeOf(annotated, "product")).toBe("variable.other.definition.nnspec");
    expect(scopeOf(annotated, "batch")).toBe("variable.other.dimension.nnspec");
  });

  it("scopes layer calls, functions, keyword arguments and pipes", () => {
    const line = '  h = x |> Dense(200, activation="tanh") |> softmax |> relu(x) |> embedding(y)';
    expect(scopeOf(line, "Dense")).toBe("entity.name.type.layer.nnspec");
    expect(scopeOf(line, "activation")).toBe("variable.parameter.keyword.nnspec");
    expect(scopeOf(line, "=", 1)).toBe("keyword.operator.assignment.nnspec");
    expect(scopeOf(line, "|>")).toBe("keyword.operator.pipe.nnspec");
    expect(scopeOf(line, "softmax")).toBe("support.function.nnspec");
    expect(scopeOf(line, "relu")).toBe("support.function.nnspec");
    expect(scopeOf(line, "embedding")).toBe("entity.name.function.call.nnspec");
    expect(scopeOf(line, "x")).toBe("variable.other.nnspec");
  });

  it("scopes strings with their escapes, valid and not", () => {
    const line = String.raw`  a = "tab\there \u00e9 \q" + 'it\'s'`;
    expect(scopeOf(line, String.raw`\t`)).toBe("constant.character.escape.nnspec");
    expect(scopeOf(line, String.raw`\u00e9`)).toBe("constant.character.escape.nnspec");
    expect(scopeOf(line, String.raw`\q`)).toBe("invalid.illegal.escape.nnspec");
    expect(scopeOf(line, String.raw`\'`)).toBe("constant.character.escape.nnspec");
    expect(scopeOf(line, "here")).toBe("string.quoted.double.nnspec");
    expect(scopeOf(line, "it")).toBe("string.quoted.single.nnspec");
    // An unterminated string stops at the end of its line.
    expect(scopeOf('  a = "open\n  b = 1', "b")).toBe("variable.other.definition.nnspec");
  });

  it("scopes numbers: integers, floats, exponents, and invalid ones", () => {
    const line = "  a = f(12, 0.5, .5, 1e-3, 2.5E+4, 12abc)";
    expect(scopeOf(line, "12")).toBe("constant.numeric.integer.nnspec");
    for (const float of ["0.5", ".5", "1e-3", "2.5E+4"]) expect(scopeOf(line, float)).toBe("constant.numeric.float.nnspec");
    expect(scopeOf(line, "12abc")).toBe("invalid.illegal.number.nnspec");
  });

  it("scopes line and block comments, also across lines and inside calls", () => {
    expect(scopeOf("  a = 1 // the rate", "the rate")).toBe("comment.line.double-slash.nnspec");
    const block = "  /* spans\n  lines */ b = Dense(4, /* why */ 2)";
    expect(scopeOf(block, "lines")).toBe("comment.block.nnspec");
    expect(scopeOf(block, "b")).toBe("variable.other.nnspec");
    expect(scopeOf(block, "why")).toBe("comment.block.nnspec");
    expect(scopeOf("  x = 1 // Dense(", "Dense(")).toBe("comment.line.double-slash.nnspec");
  });

  it("scopes slices and lists apart from shapes", () => {
    const line = "  y = h[:, -1, 2:10] + dot(a, b, axes=[2, 1])";
    expect(scopeOf(line, ":")).toBe("punctuation.separator.slice.nnspec");
    expect(scopeOf(line, "h")).toBe("variable.other.nnspec");
    expect(scopeOf(line, "10")).toBe("constant.numeric.integer.nnspec");
  });

  it("keeps argument lists open across lines", () => {
    const source = "  x = LSTM(\n    units=4,\n    return_sequences=true,\n  )";
    expect(scopeOf(source, "units")).toBe("variable.parameter.keyword.nnspec");
    expect(scopeOf(source, "return_sequences")).toBe("variable.parameter.keyword.nnspec");
  });

  it("knows every function of the layer registry, and no others", () => {
    const expected = [...functionDefinitions.keys(), ...regularizerFunctionNames];
    for (const name of expected) expect(scopeOf(`  y = ${name}(x)`, name), name).toBe("support.function.nnspec");
    const grammar = readFileSync(grammarPath, "utf8");
    const listed = /\\\\b\(([a-z0-9_|]+)\)\\\\b\(\?=/.exec(grammar)?.[1]?.split("|");
    expect(listed?.sort()).toEqual([...expected].sort());
  });
});
