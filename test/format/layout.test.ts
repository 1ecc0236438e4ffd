import { describe, expect, it } from "vitest";
import { formatSource, MAX_WIDTH } from "../../src/format/index.js";

/** Formats a model body (statements at any indentation) and returns the formatted body lines. */
function body(statements: string): string {
  const result = formatSource(`model M {\n${statements}\n}\n`);
  if (result.text === undefined) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.text.replace(/^model M \{\n/, "").replace(/\}\n$/, "");
}

describe("the canonical layout", () => {
  it.each([
    ["spaces around = and binary operators", "a=b+c*-d/2-(e-f)", "  a = b + c * -d / 2 - (e - f)\n"],
    ["no spaces inside brackets, one after commas", "y = f( a ,b )( [ 1,2 ] )", "  y = f(a, b)([1, 2])\n"],
    ["keyword arguments without spaces", "y = Dense( 4 , activation = 'relu', axis = - 1)", '  y = Dense(4, activation="relu", axis=-1)\n'],
    ["types: dtype against its dims, a space after the colon", "input x : float32 [ batch , ? , 2 * n + 1 ]", "  input x: float32[batch, ?, 2 * n + 1]\n"],
    ["annotations and destructuring", "a ,b : [ batch , 3 ]=c", "  a, b: [batch, 3] = c\n"],
    ["constraints", "where T2==T1", "  where T2 == T1\n"],
    ["pipes", "y=x|>Dense(2)|>softmax", "  y = x |> Dense(2) |> softmax\n"],
    ["one statement per line, no semicolons", "a = 1; b = 2;c=3", "  a = 1\n  b = 2\n  c = 3\n"],
    ["no trailing commas", "y = f(a, b,)\n  z = [1, 2, ]", "  y = f(a, b)\n  z = [1, 2]\n"],
    ["indentation of two spaces", "\t\t    output   y =   x", "  output y = x\n"],
    ["unary minus after operators and commas", "y = -a - -b * f(-1, c=-2)", "  y = -a - -b * f(-1, c=-2)\n"],
    ["line breaks inside a statement joined", "y = f(\n  a,\n  b\n)\n", "  y = f(a, b)\n"],
    ["slices without spaces around their colons", "y = h[ : , -1 , 2 : 10 : 2 ] + h[1 :, :: 2]", "  y = h[:, -1, 2:10:2] + h[1:, ::2]\n"],
  ])("%s", (_rule, input, expected) => {
    expect(body(input)).toBe(expected);
  });

  it("keeps one blank line where there were blank lines between statements, none inside the braces", () => {
    expect(body("\n\n  a = 1\n\n\n\n  b = 2\n  c = 3\n\n")).toBe("  a = 1\n\n  b = 2\n  c = 3\n");
  });

  it("normalises string quotes to double unless that needs escapes", () => {
    expect(body(`a = 'tanh'\n  b = 'it\\'s'\n  c = 'say "hi"'\n  d = "tab\\there"\n  e = '\\u00e9\\\\'`)).toBe(
      `  a = "tanh"\n  b = "it's"\n  c = 'say "hi"'\n  d = "tab\\there"\n  e = "\\u00e9\\\\"\n`,
    );
  });

  it("breaks a pipe chain that is too long before each top-level |>, indented 4 spaces", () => {
    const long = "y = x |> Dense(200, activation=\"relu\") |> Dropout(0.5) |> Dense(100, activation=\"tanh\") |> f(g(a |> b))";
    expect(`  ${long}`.length).toBeGreaterThan(MAX_WIDTH);
    expect(body(long)).toBe(
      '  y = x\n    |> Dense(200, activation="relu")\n    |> Dropout(0.5)\n    |> Dense(100, activation="tanh")\n    |> f(g(a |> b))\n',
    );
    const fits = `y = x |> ${"a".repeat(MAX_WIDTH - 11)}`; // exactly MAX_WIDTH columns, indented
    expect(`  ${fits}`).toHaveLength(MAX_WIDTH);
    expect(body(fits)).toBe(`  ${fits}\n`);
    expect(body(`${fits}a`).split("\n")).toHaveLength(3);
  });

  it("joins a short pipe chain written over several lines", () => {
    expect(body("h = x\n    |> Dense(200)\n    |> Dropout(0.3)")).toBe("  h = x |> Dense(200) |> Dropout(0.3)\n");
  });

  it("lays out settings blocks one setting per line", () => {
    expect(body("train { epochs = 10; loss='mse' optimizer = adam(learning_rate = 1e-3) }")).toBe(
      '  train {\n    epochs = 10\n    loss = "mse"\n    optimizer = adam(learning_rate=1e-3)\n  }\n',
    );
    expect(body("train {}")).toBe("  train {}\n");
  });

  it("lays out imports and blocks like the model", () => {
    const file = "import {A,B,} from 'lib.nnspec'\nimport \"more.nnspec\"\nblock Twice( x , units = 4 , ) {\nh=x|>A(units)\noutput y=h}\nmodel M{input x:float32[batch,2]\noutput y=Twice(x)}";
    expect(formatSource(file).text).toBe(
      'import { A, B } from "lib.nnspec"\nimport "more.nnspec"\nblock Twice(x, units=4) {\n  h = x |> A(units)\n  output y = h\n}\nmodel M {\n  input x: float32[batch, 2]\n  output y = Twice(x)\n}\n',
    );
  });

  it("keeps an empty model on one line", () => {
    expect(formatSource("model   M{\n\n}").text).toBe("model M {}\n");
  });

  it("keeps Windows line endings and ends the file with one line break", () => {
    expect(formatSource("model M {\r\n  a = 1\r\n}").text).toBe("model M {\r\n  a = 1\r\n}\r\n");
    expect(formatSource("model M {\n  a = 1\n}\n\n\n").text).toBe("model M {\n  a = 1\n}\n");
  });
});

describe("comments", () => {
  it("keeps line comments at the end of their line, aligned when consecutive", () => {
    expect(body("vocab = 1000 // words\n  dim = 100   // size\n\n  seq_length = 20 // tokens")).toBe(
      "  vocab = 1000  // words\n  dim = 100     // size\n\n  seq_length = 20  // tokens\n",
    );
  });

  it("keeps comments on their own lines, indented with the code they precede", () => {
    const file = "// header\n\n/* licence\n   text */\nmodel M { // the model\n// first\n  a = 1\n    /* block */\n  b = 2\n      // last\n}\n// footer\n";
    expect(formatSource(file).text).toBe(
      "// header\n\n/* licence\n   text */\nmodel M {  // the model\n  // first\n  a = 1\n  /* block */\n  b = 2\n  // last\n}\n// footer\n",
    );
  });

  it("keeps comments inside statements where they were", () => {
    expect(body("y = f(a, /* the b */ b) /* after */")).toBe("  y = f(a, /* the b */ b) /* after */\n");
    expect(body("y = f(a, // first\n b)")).toBe("  y = f(a,  // first\n      b)\n");
    expect(body("y =\n  // why\n  x")).toBe("  y =\n    // why\n    x\n");
  });

  it("breaks a pipe chain that holds a line comment, one stage per line", () => {
    expect(body("h = x |> Dense(200) // project\n  |> Dropout(0.3)  // regularise")).toBe(
      "  h = x\n    |> Dense(200)    // project\n    |> Dropout(0.3)  // regularise\n",
    );
  });

  it("strips trailing blanks from comments", () => {
    expect(body("a = 1 // note   \n  /* x   \n  y */")).toBe("  a = 1  // note\n  /* x\n  y */\n");
  });
});
