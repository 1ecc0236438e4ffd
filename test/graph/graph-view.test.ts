import { describe, expect, it } from "vitest";
import { graphView, shapeText } from "../../src/graph/graph-view.js";
import { irOf, seedIR } from "./seed-specs.js";

describe("graphView", () => {
  it("has one vertex per input, per layer call and per output, in that order", () => {
    const view = graphView(seedIR("attention.nnspec"));
    expect(view.name).toBe("SentenceAttention");
    expect(view.vertices.map((v) => `${v.kind}:${v.kind === "call" ? v.layer : v.name}`)).toEqual([
      "input:sentence1",
      "input:sentence2",
      "call:embedding",
      "call:bilstm1",
      "call:embedding",
      "call:bilstm2",
      "call:product",
      "call:weights",
      "call:context",
      "call:concatenate",
      "call:h",
      "output:h",
    ]);
  });

  it("marks every call of a shared layer, and only those", () => {
    const calls = graphView(seedIR("attention.nnspec")).vertices.filter((v) => v.kind === "call");
    const shared = calls.filter((v) => v.shared !== undefined).map((v) => [v.layer, v.shared]);
    expect(shared).toEqual([
      ["embedding", { group: 0, calls: 2 }],
      ["embedding", { group: 0, calls: 2 }],
    ]);
  });

  it("gives each shared layer its own group", () => {
    const ir = irOf(`model M {
  input a: float32[batch, 4]
  input b: float32[batch, 4]
  d1 = Dense(4)
  d2 = Dense(4)
  output y = add(a |> d1 |> d2, b |> d1 |> d2)
}
`);
    const groups = graphView(ir).vertices.flatMap((v) => (v.kind === "call" && v.shared ? [`${v.layer}:${v.shared.group}`] : []));
    expect(groups).toEqual(["d1:0", "d2:1", "d1:0", "d2:1"]);
  });

  it("labels edges with shapes, dtypes other than float32, and leaves edges into outputs bare", () => {
    const view = graphView(seedIR("attention.nnspec"));
    const edges = view.edges.map((e) => `${e.from} -> ${e.to}: ${e.label ?? "(none)"}`);
    expect(edges).toContain("input:sentence1 -> call:embedding/0: int32 (batch, 20)");
    expect(edges).toContain("call:bilstm1/0 -> call:context/0: (batch, 20, 400)");
    expect(edges).toContain("call:concatenate/0 -> call:h/0: (batch, 30, 800)");
    expect(edges).toContain("call:h/0 -> output:h: (none)");
    expect(view.edges).toHaveLength(13);
  });

  it("draws one edge per output of a multi-output call, naming the output", () => {
    const ir = irOf(`model M {
  input x: float32[batch, 10, 4]
  fwd, bwd = Bidirectional(LSTM(8), merge_mode=none)(x)
  output y = concatenate(fwd, bwd)
  output z = bwd
}
`);
    const view = graphView(ir);
    const fromBidirectional = view.edges.filter((e) => e.from === "call:bidirectional/0");
    expect(fromBidirectional).toEqual([
      { from: "call:bidirectional/0", to: "call:y/0", output: 0, label: "[0] (batch, 8)" },
      { from: "call:bidirectional/0", to: "call:y/0", output: 1, label: "[1] (batch, 8)" },
      { from: "call:bidirectional/0", to: "output:z", output: 1 },
    ]);
    expect(view.vertices.find((v) => v.id === "call:bidirectional/0")).toMatchObject({ outputCount: 2 });
  });

  it("connects an output that is a model input straight to it", () => {
    const ir = irOf("model M {\n  input x: float32[batch, 4]\n  output y = x |> Dense(2)\n  output x\n}\n");
    expect(graphView(ir).edges).toContainEqual({ from: "input:x", to: "output:x" });
  });
});

describe("shapeText", () => {
  it.each([
    [["batch", 20, 400], "(batch, 20, 400)"],
    [["batch", null, 4], "(batch, ?, 4)"],
    [["batch", "T1 + T2"], "(batch, T1 + T2)"],
    [["batch"], "(batch,)"],
    [[], "()"],
  ] as const)("%j is %s", (shape, text) => {
    expect(shapeText([...shape])).toBe(text);
  });
});
