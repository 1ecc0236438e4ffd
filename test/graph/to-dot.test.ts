import { describe, expect, it } from "vitest";
import { toDot } from "../../src/graph/to-dot.js";
import { dotEdges, dotVertices } from "./dot-statements.js";
import { irOf, seedIR } from "./seed-specs.js";

describe("toDot on the seed attention model", () => {
  const dot = toDot(seedIR("attention.nnspec"));
  const vertices = dotVertices(dot);
  const vertex = (id: string) => {
    const found = vertices.find((v) => v.from === id);
    if (!found) throw new Error(`no vertex '${id}' in:\n${dot}`);
    return found;
  };

  it("is a top-to-bottom digraph titled with the model's name", () => {
    expect(dot).toMatch(/^digraph "SentenceAttention" \{\n/);
    expect(dot).toContain("rankdir=TB");
    expect(dot).toContain("label=<<B>SentenceAttention</B>>");
    expect(dot.trimEnd().endsWith("}")).toBe(true);
  });

  it("draws each layer once per call, with its name and key options", () => {
    const calls = vertices.filter((v) => v.from.startsWith("call:"));
    expect(calls.map((v) => v.text.split("\n")[0])).toEqual([
      "embedding",
      "bilstm1",
      "embedding",
      "bilstm2",
      "product",
      "weights",
      "context",
      "concatenate",
      "h",
    ]);
    expect(vertex("call:bilstm1/0").text).toBe("bilstm1\nBidirectional(LSTM(200, return_sequences=true),\nmerge_mode=concat)");
    expect(vertex("call:context/0").text).toBe("context\nDot(axes=[2, 1])");
    expect(vertex("call:h/0").text).toBe("h\nDense(200, tanh)");
  });

  it("marks both calls of the shared Embedding as shared, in one colour, and nothing else", () => {
    const shared = vertices.filter((v) => v.text.includes("shared ×2"));
    expect(shared.map((v) => v.from)).toEqual(["call:embedding/0", "call:embedding/1"]);
    const fill = (attributes: string) => /fillcolor="([^"]+)"/.exec(attributes)?.[1];
    expect(fill(shared[0].attributes)).toBe(fill(shared[1].attributes));
    expect(fill(shared[0].attributes)).not.toBe(fill(vertex("call:bilstm1/0").attributes));
    expect(vertices.filter((v) => v.text.includes("shared"))).toHaveLength(2);
  });

  it("marks inputs and outputs with their own shapes, dtype and shape", () => {
    expect(vertex("input:sentence1").attributes).toContain("shape=invhouse");
    expect(vertex("input:sentence1").text).toBe("sentence1\nint32 (batch, 20)");
    expect(vertex("input:sentence2").text).toBe("sentence2\nint32 (batch, 30)");
    expect(vertex("output:h").attributes).toContain("shape=house");
    expect(vertex("output:h").text).toBe("h\nfloat32 (batch, 30, 200)");
    expect(dot).toContain('{ rank=min; "input:sentence1"; "input:sentence2"; }');
  });

  it("labels each edge with the shape of the tensor it carries", () => {
    const edges = dotEdges(dot).map((e) => `${e.from} -> ${e.to}: ${e.text}`);
    expect(edges).toEqual([
      "input:sentence1 -> call:embedding/0: int32 (batch, 20)",
      "call:embedding/0 -> call:bilstm1/0: (batch, 20, 100)",
      "input:sentence2 -> call:embedding/1: int32 (batch, 30)",
      "call:embedding/1 -> call:bilstm2/0: (batch, 30, 100)",
      "call:bilstm2/0 -> call:product/0: (batch, 30, 400)",
      "call:bilstm1/0 -> call:product/0: (batch, 20, 400)",
      "call:product/0 -> call:weights/0: (batch, 30, 20)",
      "call:weights/0 -> call:context/0: (batch, 30, 20)",
      "call:bilstm1/0 -> call:context/0: (batch, 20, 400)",
      "call:context/0 -> call:concatenate/0: (batch, 30, 400)",
      "call:bilstm2/0 -> call:concatenate/0: (batch, 30, 400)",
      "call:concatenate/0 -> call:h/0: (batch, 30, 800)",
      "call:h/0 -> output:h: ",
    ]);
  });
});

describe("toDot on other graphs", () => {
  it("gives a multi-output call one port per output and leaves each edge from its port", () => {
    const ir = irOf(`model M {
  input x: float32[batch, 10, 4]
  fwd, bwd = Bidirectional(LSTM(8), merge_mode=none)(x)
  output y = concatenate(fwd, bwd)
}
`);
    const dot = toDot(ir);
    const call = dotVertices(dot).find((v) => v.from === "call:bidirectional/0");
    expect(call?.attributes).toContain('PORT="out0"');
    expect(call?.attributes).toContain('PORT="out1"');
    const edges = dotEdges(dot).filter((e) => e.from === "call:bidirectional/0");
    expect(edges.map((e) => [/tailport="([^"]+)"/.exec(e.attributes)?.[1], e.text])).toEqual([
      ["out0:s", "[0] (batch, 8)"],
      ["out1:s", "[1] (batch, 8)"],
    ]);
  });

  it("puts several outputs on the bottom row and shows unknown dims as ?", () => {
    const ir = irOf(`model M {
  input x: float32[batch, ?, 4]
  output a = x |> Dense(2)
  output b = x |> Dense(3)
}
`);
    const dot = toDot(ir);
    expect(dot).toContain('{ rank=max; "output:a"; "output:b"; }');
    expect(dotEdges(dot).map((e) => e.text)).toContain("(batch, ?, 4)");
    expect(dot).not.toContain("rank=min");
  });
});
