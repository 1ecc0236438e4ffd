import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { validateIR } from "../../src/ir/schema.js";
import type { ModelIR } from "../../src/ir/types.js";

function lower(body: string, params?: Record<string, string | number | boolean>): ModelIR {
  const { diagnostics, ir } = check(`model M {\n${body}\n}`, { params });
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return ir!;
}

function codesOf(body: string, params?: Record<string, string | number | boolean>): string[] {
  return check(`model M {\n${body}\n}`, { params }).diagnostics.map((d) => d.code);
}

const outputShape = (ir: ModelIR, name = ir.outputs[0].name) => ir.outputs.find((o) => o.name === name)!.shape;

describe("parameters", () => {
  const body = `
    vocab_size = 1000
    dim = 8
    input t: int32[batch, 20]
    output v = t |> Embedding(vocab_size, dim * 2)`;

  it("are usable in any numeric position, with arithmetic", () => {
    const ir = lower(body);
    expect(outputShape(ir)).toEqual(["batch", 20, 16]);
    expect(ir.params.map((p) => [p.name, p.value, p.overridden])).toEqual([["vocab_size", 1000, false], ["dim", 8, false]]);
    expect(ir.layers[0].params).toBe(1000 * 16);
  });

  it("can be overridden, from strings (the CLI) or typed values (the API)", () => {
    expect(lower(body, { vocab_size: "5000" }).layers[0].params).toBe(5000 * 16);
    const ir = lower(body, { dim: 4 });
    expect(outputShape(ir)).toEqual(["batch", 20, 8]);
    expect(ir.params.find((p) => p.name === "dim")).toMatchObject({ value: 4, default: 8, overridden: true });
  });

  it("reject overrides that do not fit", () => {
    expect(codesOf(body, { dim: "2.5" })).toContain("NN2010");
    expect(codesOf(body, { vocab: "1" })).toContain("NN2009");
  });

  it("work as dims of inputs and annotations", () => {
    const ir = lower(`
      n = 12
      input x: float32[batch, n, 3]
      output y: [batch, n, 2 * 2] = x |> Dense(4)`);
    expect(ir.inputs[0].shape).toEqual(["batch", 12, 3]);
  });
});

describe("symbolic dims", () => {
  it("concatenate along a symbolic axis gives a sum", () => {
    const ir = lower(`
      input a: float32[batch, T1, 8]
      input b: float32[batch, T2, 8]
      output y = concatenate(a, b, axis=1)`);
    expect(outputShape(ir)).toEqual(["batch", "T1 + T2", 8]);
  });

  it("different symbols mismatch unless a where clause equates them", () => {
    const body = `
      input a: float32[batch, T1, 8]
      input b: float32[batch, T2, 8]
      output y = concatenate(a, b)`;
    expect(codesOf(body)).toContain("NN3008");
    const ir = lower(`where T2 == T1\n${body}`);
    expect(outputShape(ir)).toEqual(["batch", "T1", 16]);
    expect(ir.constraints).toEqual([["T2", "T1"]]);
  });

  it("a where clause can fix a symbol to a number", () => {
    const ir = lower(`
      where T == 20
      input a: float32[batch, T, 8]
      output y = a |> LSTM(4, return_sequences=true)`);
    expect(outputShape(ir)).toEqual(["batch", 20, 4]);
  });

  it("unknown dims stay unknown and are accepted where sizes must agree", () => {
    const ir = lower(`
      input a: float32[batch, ?, 8]
      input b: float32[batch, 20, 8]
      output y = concatenate(a, b)`);
    expect(outputShape(ir)).toEqual(["batch", 20, 16]);
    const lstm = lower(`
      input a: float32[?, ?, 8]
      output y = a |> LSTM(4, return_sequences=true)`);
    expect(outputShape(lstm)).toEqual([null, null, 4]);
  });
});

describe("layers, sharing and naming", () => {
  it("a bound layer applied twice is one layer with two nodes", () => {
    const ir = lower(`
      input a: int32[batch, 20]
      input b: int32[batch, 30]
      embedding = Embedding(100, 8)
      output ea = embedding(a)
      output eb = b |> embedding`);
    expect(ir.layers.map((l) => l.name)).toEqual(["embedding"]);
    expect(ir.nodes.map((n) => [n.layer, n.inputs])).toEqual([["embedding", ["a"]], ["embedding", ["b"]]]);
    expect(ir.outputs.map((o) => o.shape)).toEqual([["batch", 20, 8], ["batch", 30, 8]]);
  });

  it("the last layer of a binding takes its name; others get Keras-style names", () => {
    const ir = lower(`
      input x: float32[batch, 20, 8]
      h = x |> LSTM(4, return_sequences=true) |> LSTM(4, return_sequences=true) |> Dense(3)
      output dense = h |> Dense(2)`);
    expect(ir.layers.map((l) => `${l.type}:${l.name}`)).toEqual(["LSTM:lstm", "LSTM:lstm_1", "Dense:h", "Dense:dense"]);
  });

  it("auto names never clash with user names", () => {
    const ir = lower(`
      input x: float32[batch, 8]
      dense = x |> Dense(3, activation="relu")
      output y = dense |> Dense(2, activation="relu") |> Dense(2)`);
    expect(new Set(ir.layers.map((l) => l.name)).size).toBe(3);
  });

  it("bindings are declarative: order does not matter", () => {
    const ir = lower(`
      output y = h |> Dense(2)
      h = x |> Dense(3, activation="relu")
      input x: float32[batch, 8]`);
    expect(outputShape(ir)).toEqual(["batch", 2]);
  });

  it("destructures several outputs and passes them on through pipes", () => {
    const ir = lower(`
      input x: float32[batch, 10, 8]
      fwd, bwd = x |> Bidirectional(LSTM(16), merge_mode=none)
      output both = x |> Bidirectional(LSTM(16), merge_mode="none") |> concatenate
      output f = fwd
      output b = bwd`);
    expect(ir.outputs.map((o) => o.shape)).toEqual([["batch", 32], ["batch", 16], ["batch", 16]]);
  });

  it("tensor arithmetic maps to merge layers", () => {
    const ir = lower(`
      input a: float32[batch, 8]
      input b: float32[batch, 8]
      output y = a + b * a - b`);
    expect(ir.layers.map((l) => l.type)).toEqual(["Multiply", "Add", "Subtract"]);
  });

  it("pipes insert the value as a function's first argument", () => {
    const ir = lower(`
      input a: float32[batch, 5, 8]
      input b: float32[batch, 6, 8]
      output y = a |> dot(b, axes=2) |> softmax(axis=1)`);
    expect(outputShape(ir)).toEqual(["batch", 5, 6]);
    expect(ir.layers[1].options.axis).toBe(1);
  });

  it("drops what no output needs and warns about it", () => {
    const result = check(`model M {
      input x: float32[batch, 8]
      unused = x |> Dense(4)
      output y = x |> Dense(2, activation="relu")
    }`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["NN5001"]);
    expect(result.diagnostics[0]!.message).toBe("'unused' is computed but never used; use it, make it an output, or name it _unused");
    expect(result.ir!.layers.map((l) => l.name)).toEqual(["y"]);
  });

  it("says nothing of a tensor whose name starts with _: unused on purpose", () => {
    const result = check(`model M {
      input x: float32[batch, 6, 3]
      _, h, c = x |> LSTM(4, return_state=true)
      _c_unused = c
      output y = h |> Dense(2)
    }`);
    expect(result.diagnostics).toEqual([]);
  });
});

describe("the IR", () => {
  it("validates against its JSON Schema and survives a JSON round trip", () => {
    const ir = lower(`
      input s: int32[batch, 20]
      e = s |> Embedding(50, 8, embeddings_regularizer=l2(0.01))
      output y = e |> Bidirectional(LSTM(4, return_sequences=true), merge_mode="ave") |> Dense(3, kernel_regularizer=l1_l2(l1=0.1, l2=0.2))`);
    const copy = JSON.parse(JSON.stringify(ir));
    expect(copy).toEqual(ir);
    expect(validateIR(copy)).toMatchObject({ ok: true });
  });

  it("schema validation names what is wrong", () => {
    const ir = JSON.parse(JSON.stringify(lower(`input x: float32[batch, 8]\noutput y = x |> Dense(2)`)));
    ir.layers[0].params = -1;
    delete ir.outputs;
    const result = validateIR(ir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join("\n")).toMatch(/outputs|params/);
  });
});
