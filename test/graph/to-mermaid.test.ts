import { describe, expect, it } from "vitest";
import { toMermaid } from "../../src/graph/to-mermaid.js";
import { irOf, seedIR } from "./seed-specs.js";

/** The Mermaid nodes as id → [shape opener, label], and edges as "from -> to: label". */
function parse(mmd: string) {
  const nodes = new Map<string, { open: string; label: string }>();
  const edges: string[] = [];
  for (const line of mmd.split("\n")) {
    const node = /^  (v\d+)(\[\\|\[\/|\()"(.*)"(\/\]|\\\]|\))$/.exec(line);
    if (node) nodes.set(node[1], { open: node[2], label: node[3] });
    const edge = /^  (v\d+) -->(?:\|"(.*)"\|)? (v\d+)$/.exec(line);
    if (edge) edges.push(`${edge[1]} -> ${edge[3]}: ${edge[2] ?? ""}`);
  }
  return { nodes, edges };
}

describe("toMermaid on the seed attention model", () => {
  const mmd = toMermaid(seedIR("attention.nnspec"));
  const { nodes, edges } = parse(mmd);
  const idOf = (label: string) => [...nodes].filter(([, n]) => n.label === label).map(([id]) => id);

  it("is a top-to-bottom flowchart titled with the model's name", () => {
    expect(mmd.startsWith('---\ntitle: "SentenceAttention"\n---\nflowchart TB\n')).toBe(true);
  });

  it("draws each layer once per call, with its name and key options", () => {
    const labels = [...nodes.values()].filter((n) => n.open === "(").map((n) => n.label.split("<br/>")[0]);
    expect(labels).toEqual(["embedding", "bilstm1", "embedding", "bilstm2", "product", "weights", "context", "concatenate", "h"]);
    expect(idOf("context<br/>Dot(axes=[2, 1])")).toHaveLength(1);
    expect(idOf("bilstm2<br/>Bidirectional(LSTM(200, return_sequences=true),<br/>merge_mode=concat)")).toHaveLength(1);
  });

  it("marks both calls of the shared Embedding with a badge and one class of their own", () => {
    const shared = idOf("embedding<br/>Embedding(1000, 100)<br/>shared ×2");
    expect(shared).toHaveLength(2);
    expect(mmd).toContain(`  class ${shared.join(",")} nn_shared_0\n`);
    expect(mmd).toMatch(/classDef nn_shared_0 fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6},stroke-width:3px/);
    expect(mmd.match(/shared ×/g)).toHaveLength(2);
  });

  it("marks inputs and outputs with their own shapes, dtype and shape", () => {
    const [input] = idOf("sentence1<br/>int32 (batch, 20)");
    const [output] = idOf("h<br/>float32 (batch, 30, 200)");
    expect(nodes.get(input)?.open).toBe("[\\");
    expect(nodes.get(output)?.open).toBe("[/");
    expect(mmd).toMatch(new RegExp(`class ${input},v\\d+ nn_input\\n`));
    expect(mmd).toContain(`class ${output} nn_output\n`);
  });

  it("labels each edge with the shape of the tensor it carries", () => {
    const [h] = idOf("h<br/>Dense(200, tanh)");
    const [concatenate] = idOf("concatenate<br/>Concatenate");
    const [sentence1] = idOf("sentence1<br/>int32 (batch, 20)");
    const [output] = idOf("h<br/>float32 (batch, 30, 200)");
    expect(edges).toHaveLength(13);
    expect(edges).toContain(`${concatenate} -> ${h}: (batch, 30, 800)`);
    expect(edges).toContain(`${sentence1} -> v2: int32 (batch, 20)`);
    expect(edges).toContain(`${h} -> ${output}: `);
  });
});

it("names the output each edge of a multi-output call carries", () => {
  const ir = irOf(`model M {
  input x: float32[batch, 10, 4]
  fwd, bwd = Bidirectional(LSTM(8), merge_mode=none)(x)
  output y = concatenate(fwd, bwd)
}
`);
  const { edges } = parse(toMermaid(ir));
  expect(edges).toEqual(["v0 -> v1: (batch, 10, 4)", "v1 -> v2: [0] (batch, 8)", "v1 -> v2: [1] (batch, 8)", "v2 -> v3: "]);
});
