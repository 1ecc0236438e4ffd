import { describe, expect, it } from "vitest";
import type { Binding, CallExpr, InputDecl, OutputDecl, PipeExpr } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";
import { allSpans, parseModel, range, spanChecker, textOf } from "./support.js";
import { attention, samples } from "./samples.js";

describe("spans", () => {
  const model = parseModel(attention);
  const body = model.body;
  const find = <T>(kind: string, name: string) =>
    body.find(
      (s) =>
        s.kind === kind &&
        (s.kind === "Binding" ? s.targets[0]?.name.name : s.kind === "Input" ? s.name.name : s.kind === "Output" ? s.target.name.name : "") === name,
    ) as T;

  it("covers a model from 'model' to its '}'", () => {
    expect(range(model.span)).toBe("2:1-24:2");
    expect(textOf(attention, model.name.span)).toBe("Attention");
  });

  it("covers an input declaration and its parts", () => {
    const input = find<InputDecl>("Input", "sentence2");
    expect(textOf(attention, input.span)).toBe("input sentence2: int32[batch, 30]");
    expect(range(input.span)).toBe("8:3-8:36");
    expect(textOf(attention, input.type.span)).toBe("int32[batch, 30]");
    expect(textOf(attention, input.type.dims[1]!.span)).toBe("30");
  });

  it("covers a pipe written over three lines, and each stage", () => {
    const binding = find<Binding>("Binding", "bilstm1");
    const pipe = binding.value as PipeExpr;
    expect(range(binding.span)).toBe("11:3-13:83");
    expect(range(pipe.span)).toBe("11:13-13:83");
    expect(pipe.stages.map((s) => textOf(attention, s.span))).toEqual([
      "sentence1",
      "embedding",
      'Bidirectional(LSTM(lstm_units, return_sequences=true), merge_mode="concat")',
    ]);
    const call = pipe.stages[2] as CallExpr;
    expect(call.args.map((a) => textOf(attention, a.span))).toEqual([
      "LSTM(lstm_units, return_sequences=true)",
      'merge_mode="concat"',
    ]);
    expect(textOf(attention, call.args[1]!.name!.span)).toBe("merge_mode");
  });

  it("covers an annotated output whose value starts on the next line", () => {
    const output = find<OutputDecl>("Output", "h");
    expect(range(output.span)).toBe("21:3-23:44");
    expect(textOf(attention, output.target.span)).toBe("h: float32[batch, 30, hidden_dim]");
    expect(textOf(attention, output.target.annotation!.span)).toBe("float32[batch, 30, hidden_dim]");
    expect(textOf(attention, output.value!.span)).toBe('concatenate(c, bilstm2)\n    |> Dense(hidden_dim, activation="tanh")');
  });

  it("includes the parentheses of a parenthesised operand", () => {
    const source = "model M { y = (a + b) * c\n z = -(x) }";
    const [y, z] = parseModel(source).body as Binding[];
    expect(textOf(source, y!.value.span)).toBe("(a + b) * c");
    expect(y!.value.kind === "Binary" && textOf(source, y!.value.left.span)).toBe("(a + b)");
    expect(textOf(source, z!.value.span)).toBe("-(x)");
  });

  it("gives a missing value a zero-width span right after what precedes it", () => {
    const source = "model M {\n  x =\n}";
    const result = parse(source, "m.nnspec");
    const binding = result.program.models[0]!.body[0] as Binding;
    expect(binding.value.kind).toBe("Missing");
    expect(range(binding.value.span)).toBe("2:6-2:6");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["NN1020"]);
  });

  it("keeps every span of every sample inside its source, with matching line and column", () => {
    for (const [name, source] of Object.entries(samples)) {
      const check = spanChecker(source, `${name}.nnspec`);
      const program = parse(source, `${name}.nnspec`).program;
      for (const { path, span } of allSpans(program)) expect(check(span), `${name}: ${path}`).toEqual([]);
    }
  });

  it("counts columns in UTF-16 units and lines across \\r\\n", () => {
    const source = 'model M {\r\n  s = "é😀" x = 1\r\n}';
    const [, x] = parseModel(source).body as Binding[];
    expect(range(x!.span)).toBe("2:13-2:18");
  });
});
