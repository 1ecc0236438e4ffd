import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/parser/lexer.js";
import { brief, diagnosticsOf, parseExpr, range } from "./support.js";

/** "Type:image" for each token the parser would see. */
function kinds(source: string): string[] {
  return tokenize(source).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe("tokens", () => {
  it("lexes every punctuation mark, longest first", () => {
    expect(kinds("{ } ( ) [ ] , : = == |> + - * / ? ;")).toEqual([
      "LCurly:{", "RCurly:}", "LParen:(", "RParen:)", "LBracket:[", "RBracket:]", "Comma:,", "Colon::",
      "Equals:=", "EqualsEquals:==", "Pipe:|>", "Plus:+", "Minus:-", "Star:*", "Slash:/", "Question:?",
      "Semicolon:;",
    ]);
    expect(kinds("a==b=c")).toEqual(["Identifier:a", "EqualsEquals:==", "Identifier:b", "Equals:=", "Identifier:c"]);
  });

  it("tells keywords from names that start with one", () => {
    expect(kinds("model input output where true false none")).toEqual([
      "Model:model", "Input:input", "Output:output", "Where:where", "True:true", "False:false", "None:none",
    ]);
    expect(kinds("models input2 output_ wherever true_ falsey none1 _model")).toEqual([
      "Identifier:models", "Identifier:input2", "Identifier:output_", "Identifier:wherever", "Identifier:true_",
      "Identifier:falsey", "Identifier:none1", "Identifier:_model",
    ]);
  });

  it("lexes block, import and from as keywords", () => {
    expect(kinds("block import from blocks")).toEqual(["Block:block", "Import:import", "From:from", "Identifier:blocks"]);
  });

  it.each([
    ["12", true],
    ["0", true],
    ["0.5", false],
    [".5", false],
    ["1e-3", false],
    ["2.5E+4", false],
    ["3e2", false],
  ])("lexes the number %s (integer: %s)", (raw, isInteger) => {
    expect(kinds(raw)).toEqual([`NumberLiteral:${raw}`]);
    expect(parseExpr(raw)).toMatchObject({ kind: "Number", raw, value: Number(raw), isInteger });
  });

  it("keeps comments out of the token stream but returns them", () => {
    const result = tokenize("a // one\n/* two\n three */ b");
    expect(result.tokens.map((t) => t.image)).toEqual(["a", "b"]);
    expect(result.comments.map((t) => t.image)).toEqual(["// one", "/* two\n three */"]);
    expect(result.diagnostics).toEqual([]);
  });

  it("counts lines across \\n, \\r\\n and \\r, and columns from 1", () => {
    const tokens = tokenize("a\nb\r\n  c\rd").tokens;
    expect(tokens.map((t) => `${t.image}@${t.startLine}:${t.startColumn}`)).toEqual(["a@1:1", "b@2:1", "c@3:3", "d@4:1"]);
  });
});

describe("string literals", () => {
  it.each([
    [`"plain"`, "plain"],
    [`'single'`, "single"],
    [`"a\\\\b"`, "a\\b"],
    [`"say \\"hi\\""`, 'say "hi"'],
    [`'it\\'s'`, "it's"],
    [`"tab\\tnew\\nline"`, "tab\tnew\nline"],
    [`"\\u00e9\\u4E2D"`, "é中"],
    [`"'"`, "'"],
    [`""`, ""],
  ])("decodes %s", (source, value) => {
    expect(parseExpr(source)).toMatchObject({ kind: "String", value });
  });

  it("reports a bad escape at the escape, keeping the text", () => {
    const source = `model M { x = "a\\qb" }`;
    expect(diagnosticsOf(source)).toEqual([
      "1:17 NN1020 invalid escape '\\q' in a string: use \\\\, \\\", \\', \\n, \\t or \\uXXXX",
    ]);
    expect(diagnosticsOf(`model M { x = "\\u12" }`)).toEqual([
      "1:16 NN1020 invalid escape '\\u' in a string: '\\u' takes exactly 4 hex digits (e.g. \\u00e9)",
    ]);
  });
});

describe("lexing errors", () => {
  it("NN1010 names the unexpected character, with a hint for common slips", () => {
    expect(diagnosticsOf("model M { x = f(a @, b) }")).toEqual(["1:19 NN1010 unexpected character '@'"]);
    expect(diagnosticsOf("model M { x = a | }")).toEqual(["1:17 NN1010 unexpected character '|' (did you mean '|>'?)"]);
    expect(diagnosticsOf("model M { # note\n}")).toEqual([
      "1:11 NN1010 unexpected character '#' (comments start with '//')",
      // The rest of the comment reads as a statement that lacks its '='.
      "1:17 NN1021 expected '=' or ':' after 'note', found '}'",
    ]);
    expect(diagnosticsOf("model M { x = a\u200b }")).toEqual(["1:16 NN1010 unexpected character U+200B"]);
    expect(diagnosticsOf("model M { x = a @$% }")).toEqual(["1:17 NN1010 unexpected characters '@$%'"]);
    expect(diagnosticsOf("model M { x = a\u0007é }")).toEqual(["1:16 NN1010 unexpected characters U+0007 'é'"]);
  });

  it("NN1010 does not echo as a syntax error: the dropped character is the only report", () => {
    expect(diagnosticsOf("model M { x = @ }")).toEqual(["1:15 NN1010 unexpected character '@'"]);
  });

  it("NN1011 spans an unterminated string to the end of its line, and parsing goes on", () => {
    const result = tokenize('x = "abc\ny = 1');
    expect(result.diagnostics.map(brief)).toEqual([
      '1:5 NN1011 unterminated string: add the closing " before the end of the line',
    ]);
    expect(range(result.diagnostics[0]!.span)).toBe("1:5-1:9");
    expect(diagnosticsOf("model M {\n  x = 'abc)\n  y = 1\n}")).toEqual([
      "2:7 NN1011 unterminated string: add the closing ' before the end of the line",
    ]);
  });

  it("NN1012 points at the '/*' of an unterminated comment", () => {
    const result = tokenize("a /* never\nclosed");
    expect(result.diagnostics.map(brief)).toEqual(["1:3 NN1012 unterminated block comment: '/*' has no matching '*/'"]);
    expect(range(result.diagnostics[0]!.span)).toBe("1:3-1:5");
    expect(result.tokens.map((t) => t.image)).toEqual(["a"]);
  });

  it.each([
    ["1e", "invalid number '1e': the exponent has no digits (write e.g. 1e-3)"],
    ["2.5E+", "invalid number '2.5E+': the exponent has no digits (write e.g. 1e-3)"],
    ["12abc", "invalid number '12abc': a number cannot run into letters (names cannot start with a digit)"],
    ["3.", "invalid number '3.': a '.' must be followed by digits (write 3.0)"],
    ["1.2.3", "invalid number '1.2.3'"],
  ])("NN1013 reports %s once, as a hole in the tree", (raw, message) => {
    const source = `model M { x = ${raw} + 1 }`;
    expect(diagnosticsOf(source)).toEqual([`1:15 NN1013 ${message}`]);
  });
});
