import type { ModelIR } from "../ir/types.js";
import { graphView, tensorText, type Vertex } from "./graph-view.js";
import { callTextLines } from "./layer-call-text.js";
import { vertexColors } from "./palette.js";

/**
 * The model as a Mermaid flowchart (`.mmd`), for Markdown that renders Mermaid (GitHub, GitLab,
 * many wikis). The same graph as the DOT diagram: inputs as inverted trapezoids at the top,
 * outputs as trapezoids, one rounded box per layer call, shapes on the edges, and the colours
 * and "shared ×N" badge of shared layers.
 */
export function toMermaid(ir: ModelIR): string {
  const view = graphView(ir);
  // Vertex ids hold ':' and '/', which Mermaid does not accept in ids: number them instead.
  const ids = new Map(view.vertices.map((vertex, i) => [vertex.id, `v${i}`]));
  const idOf = (vertexId: string): string => ids.get(vertexId) ?? vertexId;

  const lines = ["---", `title: ${JSON.stringify(view.name)}`, "---", "flowchart TB"];
  for (const vertex of view.vertices) lines.push(`  ${idOf(vertex.id)}${vertexShape(vertex)}`);
  for (const edge of view.edges) {
    const label = edge.label === undefined ? "" : `|"${mermaidText(edge.label)}"|`;
    lines.push(`  ${idOf(edge.from)} -->${label} ${idOf(edge.to)}`);
  }

  const classes = new Map<string, { style: string; members: string[] }>();
  for (const vertex of view.vertices) {
    const name = className(vertex);
    const entry = classes.get(name) ?? { style: classStyle(vertex), members: [] };
    entry.members.push(idOf(vertex.id));
    classes.set(name, entry);
  }
  for (const [name, { style, members }] of classes) {
    lines.push(`  classDef ${name} ${style}`, `  class ${members.join(",")} ${name}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The node's shape and label: `[\"…"/]` for inputs, `[/"…"\]` for outputs, `("…")` for calls. */
function vertexShape(vertex: Vertex): string {
  switch (vertex.kind) {
    case "input":
      return `[\\"${label([vertex.name, tensorText(vertex)])}"/]`;
    case "output":
      return `[/"${label([vertex.name, tensorText(vertex)])}"\\]`;
    case "call": {
      const lines = [vertex.layer, ...callTextLines(vertex.call)];
      if (vertex.shared !== undefined) lines.push(`shared ×${vertex.shared.calls}`);
      return `("${label(lines)}")`;
    }
  }
}

function label(lines: readonly string[]): string {
  return lines.map(mermaidText).join("<br/>");
}

const mermaidEntities: Readonly<Record<string, string>> = {
  "#": "#35;",
  '"': "#quot;",
  "<": "#lt;",
  ">": "#gt;",
  "&": "#amp;",
  "`": "#96;",
  "|": "#124;",
};

/**
 * Text inside a quoted Mermaid label: quotes and markup become Mermaid's `#…;` entity codes, so
 * spec text can neither end the label nor inject HTML.
 */
export function mermaidText(text: string): string {
  return text.replace(/[#"<>&`|]/g, (c) => mermaidEntities[c]).replace(/[\u0000-\u001f\u007f]/g, " ");
}

/** One class per kind of colouring: inputs, outputs, each layer family, each shared layer. */
function className(vertex: Vertex): string {
  if (vertex.kind !== "call") return `nn_${vertex.kind}`;
  if (vertex.shared !== undefined) return `nn_shared_${vertex.shared.group}`;
  return `nn_${vertex.family.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

function classStyle(vertex: Vertex): string {
  const { fill, stroke } = vertexColors(vertex);
  const width = vertex.kind === "call" && vertex.shared !== undefined ? "3px" : "1.5px";
  return `fill:${fill},stroke:${stroke},stroke-width:${width},color:#000000`;
}
