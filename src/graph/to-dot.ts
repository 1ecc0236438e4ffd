import type { ModelIR } from "../ir/types.js";
import { dotString, htmlText } from "./dot-escape.js";
import { graphView, tensorText, type CallVertex, type GraphEdge, type InputVertex, type OutputVertex, type Vertex } from "./graph-view.js";
import { callTextLines } from "./layer-call-text.js";
import { mutedText, vertexColors } from "./palette.js";

/**
 * Graphviz sizes text with built-in metrics that only exist for Helvetica, Times and Courier;
 * viewers substitute what they have. Code-like text (call text, shapes) is in Courier, because
 * every monospace substitute has its width, so it fits its box whatever font draws it.
 */
const FONT = "Helvetica";
const CODE_FONT = "Courier";

/**
 * The model as a Graphviz DOT document, laid out top to bottom: inputs (green) at the top,
 * outputs (blue) at the bottom, one box per layer call with its name and key options, and
 * edges labelled with tensor shapes. Labels are HTML-like so names can be bold and options
 * smaller; every piece of spec text in them is escaped.
 */
export function toDot(ir: ModelIR): string {
  const view = graphView(ir);
  const inputs = view.vertices.filter((v) => v.kind === "input");
  const outputs = view.vertices.filter((v) => v.kind === "output");
  const lines = [
    `digraph ${dotString(view.name)} {`,
    `  graph [rankdir=TB, fontname=${dotString(FONT)}, fontsize=16, labelloc=t, label=<<B>${htmlText(view.name)}</B>>,`,
    `         nodesep=0.5, ranksep=0.45, pad=0.3, bgcolor="white"];`,
    `  node [fontname=${dotString(FONT)}, fontsize=12, shape=box, style="rounded,filled", penwidth=1.2, margin="0.22,0.06"];`,
    `  edge [fontname=${dotString(CODE_FONT)}, fontsize=10, fontcolor=${dotString(mutedText)}, color="#707070", arrowsize=0.7];`,
    "",
    ...view.vertices.map((vertex) => `  ${vertexStatement(vertex)}`),
    "",
    ...view.edges.map((edge) => `  ${edgeStatement(edge)}`),
  ];
  // Inputs share the top row and outputs the bottom one, so both read as the model's boundary.
  if (inputs.length > 1) lines.push("", `  { rank=min; ${inputs.map((v) => dotString(v.id)).join("; ")}; }`);
  if (outputs.length > 1) lines.push(`  { rank=max; ${outputs.map((v) => dotString(v.id)).join("; ")}; }`);
  lines.push("}", "");
  return lines.join("\n");
}

function vertexStatement(vertex: Vertex): string {
  switch (vertex.kind) {
    case "input":
      return boundaryStatement(vertex, "invhouse");
    case "output":
      return boundaryStatement(vertex, "house");
    case "call":
      return callStatement(vertex);
  }
}

/** Inputs and outputs: a pentagon pointing into (or out of) the model, with dtype and shape. */
function boundaryStatement(vertex: InputVertex | OutputVertex, shape: string): string {
  const { fill, stroke } = vertexColors(vertex);
  // One font per line: a line mixing fonts is sized with one font's metrics, drawn with another's.
  const label =
    `<<B>${htmlText(vertex.name)}</B><BR/>` +
    `<FONT FACE="${CODE_FONT}" POINT-SIZE="10" COLOR="${mutedText}">${htmlText(tensorText(vertex))}</FONT>>`;
  const attributes = [`shape=${shape}`, `style="filled"`, `fillcolor="${fill}"`, `color="${stroke}"`, `margin="0.06,0.08"`];
  return `${dotString(vertex.id)} [${attributes.join(", ")}, label=${label}];`;
}

/**
 * A layer call: its name (with a "shared ×N" badge when the layer's weights serve several
 * calls), its call text, and for a multi-output call one port per output for the edges.
 */
function callStatement(vertex: CallVertex): string {
  const { fill, stroke } = vertexColors(vertex);
  const rows = [`<TR><TD><B>${htmlText(vertex.layer)}</B></TD></TR>`];
  const call = callTextLines(vertex.call).map(htmlText).join("<BR/>");
  rows.push(`<TR><TD><FONT FACE="${CODE_FONT}" POINT-SIZE="10">${call}</FONT></TD></TR>`);
  // The badge has a row of its own: beside the name it collides with wide fallback fonts.
  if (vertex.shared !== undefined) rows.push(`<TR><TD>${sharedBadge(vertex.shared.calls, stroke)}</TD></TR>`);
  if (vertex.outputCount > 1) rows.push(`<TR><TD>${outputPorts(vertex.outputCount, stroke)}</TD></TR>`);
  const label = `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">${rows.join("")}</TABLE>>`;
  const attributes = [`fillcolor="${fill}"`, `color="${stroke}"`];
  // A heavier border on shared layers backs up the colour for readers who cannot tell hues apart.
  if (vertex.shared !== undefined) attributes.push("penwidth=2.2");
  return `${dotString(vertex.id)} [${attributes.join(", ")}, label=${label}];`;
}

/** `shared ×2`, white on the layer's border colour. */
function sharedBadge(calls: number, stroke: string): string {
  const text = `<FONT POINT-SIZE="9" COLOR="white"><B>shared ×${calls}</B></FONT>`;
  return `<TABLE BORDER="0" CELLPADDING="2" CELLSPACING="0"><TR><TD BGCOLOR="${stroke}">${text}</TD></TR></TABLE>`;
}

/** A row of small numbered cells, one per output, that edges leave from. */
function outputPorts(count: number, stroke: string): string {
  const cells = Array.from(
    { length: count },
    (_, i) => `<TD PORT="out${i}" BORDER="1" COLOR="${stroke}" CELLPADDING="1"><FONT POINT-SIZE="9">${i}</FONT></TD>`,
  );
  return `<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="4"><TR>${cells.join("")}</TR></TABLE>`;
}

/** An edge label with a small empty cell on its left: Graphviz puts labels flush against the line. */
function edgeLabel(text: string): string {
  const spacer = `<TD WIDTH="7"></TD>`;
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>${spacer}<TD>${htmlText(text)}</TD></TR></TABLE>>`;
}

function edgeStatement(edge: GraphEdge): string {
  const attributes: string[] = [];
  if (edge.output !== undefined) attributes.push(`tailport="out${edge.output}:s"`);
  if (edge.label !== undefined) attributes.push(`label=${edgeLabel(edge.label)}`);
  const list = attributes.length === 0 ? "" : ` [${attributes.join(", ")}]`;
  return `${dotString(edge.from)} -> ${dotString(edge.to)}${list};`;
}
