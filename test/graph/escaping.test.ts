import { describe, expect, it } from "vitest";
import { dotString, htmlText } from "../../src/graph/dot-escape.js";
import { renderSvg } from "../../src/graph/render-svg.js";
import { toDot } from "../../src/graph/to-dot.js";
import { mermaidText, toMermaid } from "../../src/graph/to-mermaid.js";
import type { ModelIR } from "../../src/ir/types.js";
import { dotEdges, dotVertices } from "./dot-statements.js";

/**
 * Names cannot hold these characters in a spec, but the IR is public data (other front ends,
 * hand-written JSON): a diagram must show such text as text, never break or inject markup.
 */
const hostile = {
  model: 'Odd "model" <&>',
  input: 'in"<1>',
  layer: 'l&<"x">\\',
  option: 'x"<y>&z|#`',
  output: "out\nnext",
  dim: "a&b",
};

const span = { file: "x", start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

const ir: ModelIR = {
  format: "nnspec-ir",
  version: 1,
  name: hostile.model,
  source: { file: "x", sha256: "" },
  params: [],
  constraints: [],
  inputs: [{ id: hostile.input, name: hostile.input, dtype: "float32", shape: ["batch", hostile.dim], span }],
  layers: [
    { name: hostile.layer, type: "Activation", options: { activation: hostile.option }, weights: [], params: 0, trainableParams: 0, span },
  ],
  nodes: [
    {
      id: `${hostile.layer}/0`,
      layer: hostile.layer,
      inputs: [hostile.input],
      outputs: [{ id: "t", dtype: "float32", shape: ["batch", hostile.dim] }],
      span,
    },
  ],
  outputs: [{ name: hostile.output, tensor: "t", dtype: "float32", shape: ["batch", hostile.dim], span }],
};

describe("escaping in DOT", () => {
  const dot = toDot(ir);

  it("keeps every statement on its own line, with ids and label text intact", () => {
    const vertices = dotVertices(dot);
    expect(vertices.map((v) => v.from)).toEqual([`input:${hostile.input}`, `call:${hostile.layer}/0`, "output:out next"]);
    expect(vertices[0].text).toBe(`${hostile.input}\nfloat32 (batch, ${hostile.dim})`);
    expect(vertices[1].text).toBe(`${hostile.layer}\nActivation(${JSON.stringify(hostile.option)})`);
    expect(dotEdges(dot).map((e) => [e.from, e.to, e.text])).toEqual([
      [`input:${hostile.input}`, `call:${hostile.layer}/0`, `(batch, ${hostile.dim})`],
      [`call:${hostile.layer}/0`, "output:out next", ""],
    ]);
  });

  it("is valid DOT whose SVG shows the text, not markup", async () => {
    const svg = await renderSvg(dot);
    expect(svg).toContain("&lt;y&gt;");
    expect(svg).not.toContain("<y>");
    expect(svg).toContain("Odd &quot;model&quot; &lt;&amp;&gt;");
  });

  it("escapes DOT strings and HTML-like text", () => {
    expect(dotString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    expect(htmlText('<b>"x" & y</b>')).toBe("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    expect(htmlText("tab\there")).toBe("tab here");
  });
});

describe("escaping in Mermaid", () => {
  const mmd = toMermaid(ir);

  it("writes labels with Mermaid's entity codes, so quotes and markup cannot escape them", () => {
    const body = mmd.split("\n").slice(4).filter((line) => line.startsWith("  v"));
    // Each node or edge line has exactly its two delimiting quotes, and no tag but <br/> and no arrow but -->.
    for (const line of body) {
      expect(line.match(/"/g)?.length ?? 0, line).toBeLessThanOrEqual(2);
      expect(line.replace(/<br\/>|-->/g, ""), line).not.toMatch(/[<>]/);
    }
    expect(mmd).toContain(`("${mermaidText(hostile.layer)}<br/>Activation(${mermaidText(JSON.stringify(hostile.option))})")`);
    expect(mmd.split("\n").filter((line) => line.startsWith("  v")).length).toBe(5);
  });

  it("escapes each special character", () => {
    expect(mermaidText('a"b<c>d&e#f`g|h')).toBe("a#quot;b#lt;c#gt;d#amp;e#35;f#96;g#124;h");
    expect(mermaidText("line\nbreak")).toBe("line break");
  });
});
