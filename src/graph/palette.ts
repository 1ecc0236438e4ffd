import type { Vertex } from "./graph-view.js";

/**
 * The diagram's colours, shared by the DOT and Mermaid renderers. Layers get a light fill by
 * family so the eye groups them; shared layers get a stronger colour of their own, the same on
 * every call, so two boxes with one set of weights are recognisably the same layer.
 */
export interface VertexColors {
  fill: string;
  stroke: string;
}

const input: VertexColors = { fill: "#dff2df", stroke: "#3d8b3d" };
const output: VertexColors = { fill: "#dde8f8", stroke: "#3a6aa8" };

const families: Readonly<Record<string, VertexColors>> = {
  embedding: { fill: "#e3f1f4", stroke: "#5b8c96" },
  recurrent: { fill: "#fcecd5", stroke: "#b7894a" },
  core: { fill: "#ece6f5", stroke: "#7d6a9c" },
  merge: { fill: "#eeeeee", stroke: "#7a7a7a" },
  activation: { fill: "#f6f0dc", stroke: "#9c8a52" },
};
const otherFamily: VertexColors = { fill: "#f4f4f4", stroke: "#7a7a7a" };

/** Distinct, saturated enough to stand out from the family fills. */
const sharedColors: readonly VertexColors[] = [
  { fill: "#ffd866", stroke: "#a67c00" },
  { fill: "#f7a9c4", stroke: "#a8365f" },
  { fill: "#9fe0c8", stroke: "#2b8563" },
  { fill: "#c3b5ff", stroke: "#5a43b5" },
  { fill: "#ffb38a", stroke: "#b3551f" },
];

/** The fill and border colour of a vertex. */
export function vertexColors(vertex: Vertex): VertexColors {
  if (vertex.kind === "input") return input;
  if (vertex.kind === "output") return output;
  if (vertex.shared !== undefined) return sharedColors[vertex.shared.group % sharedColors.length];
  return families[vertex.family] ?? otherFamily;
}

/** The colour of edge labels and secondary text: readable, but quieter than names. */
export const mutedText = "#555555";
