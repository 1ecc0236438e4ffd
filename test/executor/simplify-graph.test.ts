import { describe, expect, it } from "vitest";
import { removeDeadNodes, removeIdentities } from "../../src/executor/graph/simplify-graph.js";
import { specIR } from "./same-as-layers.js";

describe("graph simplification on the IR", () => {
  it("identity layers go, and their readers (outputs too) read their inputs", () => {
    const ir = specIR(`model M {
      input x: float32[batch, 4]
      h = x |> Dense(3) |> Dropout(0.5)
      output y = h |> Activation("linear") |> Dense(2)
      output z = h
    }`);
    const simplified = removeIdentities(ir);
    expect(simplified.nodes.map((n) => ir.layers.find((l) => l.name === n.layer)!.type)).toEqual(["Dense", "Dense"]);
    const [first, second] = simplified.nodes;
    expect(second!.inputs).toEqual([first!.outputs[0]!.id]);
    expect(simplified.outputs.find((o) => o.name === "z")!.tensor).toBe(first!.outputs[0]!.id);
    // The IR passed in is not changed.
    expect(ir.nodes).toHaveLength(4);
  });

  it("nodes no output depends on go, with their layers", () => {
    const ir = specIR(`model M {
      input x: float32[batch, 4]
      output y = x |> Dense(3)
    }`);
    // A node whose output nothing reads, as the IR would hold it after the outputs changed.
    const dead = { ...ir.nodes[0]!, id: "unused/0", layer: "unused", outputs: [{ ...ir.nodes[0]!.outputs[0]!, id: "unused" }] };
    const withDead = { ...ir, nodes: [dead, ...ir.nodes], layers: [...ir.layers, { ...ir.layers[0]!, name: "unused" }] };
    const simplified = removeDeadNodes(withDead);
    expect(simplified.nodes).toEqual(ir.nodes);
    expect(simplified.layers.map((l) => l.name)).toEqual(ir.layers.map((l) => l.name));
  });

  it("states given by keyword (initial_state) keep their producers, read through removed identities", () => {
    const ir = specIR(`model M {
      input x: float32[batch, 5, 3]
      input y: float32[batch, 4, 3]
      out, h, c = x |> LSTM(4, return_state=true)
      output z = LSTM(4)(y, initial_state=[h |> Dropout(0.2), c])
    }`);
    const simplified = removeDeadNodes(removeIdentities(ir));
    expect(simplified.nodes.map((n) => ir.layers.find((l) => l.name === n.layer)!.type)).toEqual(["LSTM", "LSTM"]);
    const [encoder, decoder] = simplified.nodes;
    const states = Object.values(decoder!.keywordInputs ?? {}).flat();
    expect(states).toEqual([encoder!.outputs[1]!.id, encoder!.outputs[2]!.id]);
  });
});
