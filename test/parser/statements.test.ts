import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { parseBody, parseModel, show, withoutSpans } from "./support.js";
import { samples } from "./samples.js";

const id = (name: string) => ({ kind: "Identifier", name });
const int = (raw: string) => ({ kind: "Number", raw, value: Number(raw), isInteger: true });
const target = (name: string, annotation?: object) =>
  annotation ? { kind: "BindingTarget", name: id(name), annotation } : { kind: "BindingTarget", name: id(name) };
const type = (dims: object[], dtype?: string) =>
  dtype ? { kind: "TensorType", dims, dtype: id(dtype) } : { kind: "TensorType", dims };

describe("statements", () => {
  it.each<[string, string, object]>([
    ["a parameter", "vocab_size = 1000", { kind: "Binding", targets: [target("vocab_size")], value: int("1000") }],
    [
      "an input",
      "input sentence1: int32[batch, 20]",
      { kind: "Input", name: id("sentence1"), type: type([id("batch"), int("20")], "int32") },
    ],
    [
      "an input with dim arithmetic and an unknown dim",
      "input x: float32[?, T + 1]",
      {
        kind: "Input",
        name: id("x"),
        type: type([{ kind: "UnknownDim" }, { kind: "Binary", operator: "+", left: id("T"), right: int("1") }], "float32"),
      },
    ],
    ["an input of rank 0", "input s: float32[]", { kind: "Input", name: id("s"), type: type([], "float32") }],
    ["a constraint", "where T2 == T1", { kind: "Where", left: id("T2"), right: id("T1") }],
    [
      "an annotated binding without dtype",
      "product: [batch, 30, 20] = p",
      { kind: "Binding", targets: [target("product", type([id("batch"), int("30"), int("20")]))], value: id("p") },
    ],
    [
      "an annotated binding with dtype",
      "h2: float32[batch] = h",
      { kind: "Binding", targets: [target("h2", type([id("batch")], "float32"))], value: id("h") },
    ],
    [
      "a destructuring binding",
      "fwd, bwd = pair",
      { kind: "Binding", targets: [target("fwd"), target("bwd")], value: id("pair") },
    ],
    [
      "a destructuring binding with annotations",
      "a: [b, 5], c: int32[b] = pair",
      {
        kind: "Binding",
        targets: [target("a", type([id("b"), int("5")])), target("c", type([id("b")], "int32"))],
        value: id("pair"),
      },
    ],
    ["an output with a value", "output h = x", { kind: "Output", target: target("h"), value: id("x") }],
    [
      "an annotated output",
      "output h: [batch, 2] = x",
      { kind: "Output", target: target("h", type([id("batch"), int("2")])), value: id("x") },
    ],
    ["an output naming a binding", "output c", { kind: "Output", target: target("c") }],
    [
      "an annotated output naming a binding",
      "output c: [n]",
      { kind: "Output", target: target("c", type([id("n")])) },
    ],
  ])("parses %s", (_, source, expected) => {
    const [statement, ...rest] = parseBody(source);
    expect(rest).toEqual([]);
    expect(withoutSpans(statement)).toEqual(expected);
  });

  it("needs no separator between statements, and takes an optional ';' after each", () => {
    const body = parseBody("a = 1 b = 2; c = 3;\n output a output b; where x == y input i: int32[1]");
    expect(body.map((s) => s.kind)).toEqual(["Binding", "Binding", "Binding", "Output", "Output", "Where", "Input"]);
  });

  it("reads a pipe that continues on the next lines as one statement", () => {
    const body = parseBody("y = x\n  |> f\n  |> g(1)\nz = y");
    expect(body.map((s) => (s.kind === "Binding" ? show(s.value) : s.kind))).toEqual(["(|> x f g(1))", "y"]);
  });

  it("accepts trailing commas in dim lists, lists and argument lists", () => {
    const [input, binding] = parseBody("input x: int32[a, b,]\ny = f([1, 2,], k=3,)");
    expect(input).toMatchObject({ type: { dims: [id("a"), id("b")].map((d) => expect.objectContaining(d)) } });
    expect(binding?.kind === "Binding" && show(binding.value)).toBe("f([1 2], k=3)");
  });

  it("accepts comments in every gap", () => {
    const model = parseModel(samples.unusual!);
    expect(model.name.name).toBe("Odd");
    expect(model.body.map((s) => s.kind)).toEqual(["Binding", "Where", "Input", "Binding", "Binding", "Binding", "Output", "Output"]);
  });

  it("parses every sample without a diagnostic", () => {
    for (const [name, source] of Object.entries(samples)) {
      const result = parse(source, `${name}.nnspec`);
      expect(result.diagnostics, name).toEqual([]);
      expect(result.program.models, name).toHaveLength(1);
    }
  });

  it("parses the tour into the expected statements", () => {
    const model = parseModel(samples.tour!);
    expect(model.name.name).toBe("SentenceAttention");
    const summary = model.body.map((s) => {
      switch (s.kind) {
        case "Binding":
          return `${s.targets.map((t) => t.name.name).join(", ")} = ${show(s.value)}`;
        case "Output":
          return `output ${s.target.name.name}${s.value ? ` = ${show(s.value)}` : ""}`;
        case "Input":
          return `input ${s.name.name}: ${s.type.dtype?.name}[${s.type.dims.map(show).join(" ")}]`;
        case "Where":
          return `where ${show(s.left)} == ${show(s.right)}`;
      }
    });
    expect(summary).toEqual([
      "vocab_size = 1000",
      "where T2 == T1",
      "input sentence1: int32[batch 20]",
      "input sentence2: int32[batch vocab_size]",
      "embedding = Embedding(vocab_size, 100)",
      "bilstm1 = (|> sentence1 embedding Bidirectional(LSTM(200, return_sequences=true)))",
      'bilstm2 = (|> embedding(sentence2) Bidirectional(LSTM(200, return_sequences=true), merge_mode="concat"))',
      "product = dot(bilstm2, bilstm1, axes=2)",
      "fwd, bwd = Bidirectional(LSTM(5), merge_mode=none)(x)",
      "c = dot(softmax(product), bilstm1, axes=[2 1])",
      'output h = (|> concatenate(c, bilstm2) Dense(200, activation="tanh", kernel_regularizer=l2(0.01)))',
      "output h2 = (+ h (* c 2))",
      "output c",
    ]);
  });
});

describe("the file level", () => {
  it("NN1030: a file without a model", () => {
    for (const source of ["", "  // nothing here\n", "/* only a comment */"]) {
      const result = parse(source, "empty.nnspec");
      expect(result.program.models).toEqual([]);
      expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([["NN1030", 1, 1]]);
    }
  });

  it("NN1031 on the second model, keeping every model", () => {
    const result = parse("model A {}\nmodel B { x = 1 }\nmodel C {}", "many.nnspec");
    expect(result.program.models.map((m) => m.name.name)).toEqual(["A", "B", "C"]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: "NN1031",
      message: "a file holds one model, but 'B' follows 'A' (3 models in all)",
      span: { start: { line: 2, column: 7 }, end: { line: 2, column: 8 } },
      related: [{ message: "the first model, 'A', is at 1:1", span: { start: { line: 1, column: 7 } } }],
    });
  });

  it("reports a keyword used as a name", () => {
    const result = parse("model M {\n  block = 1\n  input x: float32[batch, 2]\n  output y = x\n}", "r.nnspec");
    expect(result.diagnostics.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code}`)).toEqual(["2:3 NN1020"]);
  });

  it("parses imports, blocks and a model in one file", () => {
    const result = parse(
      'import "a.nnspec"\nimport { Encoder, Decoder } from "b.nnspec"\nblock FF(x, units, hidden = 4 * units) {\n  output y = x |> Dense(hidden)\n}\nmodel M {\n  input x: float32[batch, 8]\n  output y = FF(x, 8)[:, 1:3]\n}',
      "f.nnspec",
    );
    expect(result.diagnostics).toEqual([]);
    const { imports, blocks, models } = result.program;
    expect(imports.map((i) => [i.path.value, i.names?.map((n) => n.name)])).toEqual([["a.nnspec", undefined], ["b.nnspec", ["Encoder", "Decoder"]]]);
    expect(blocks[0].params.map((p) => [p.name.name, p.default?.kind])).toEqual([["x", undefined], ["units", undefined], ["hidden", "Binary"]]);
    const value = models[0].body[1].kind === "Output" ? models[0].body[1].value : undefined;
    expect(value?.kind).toBe("Index");
    expect(value?.kind === "Index" && value.items.map((i) => i.kind)).toEqual(["Slice", "Slice"]);
  });

  it("a file of blocks alone is a library, not an error", () => {
    expect(parse("block B(x) {\n  output y = x\n}", "lib.nnspec").diagnostics).toEqual([]);
  });
});
