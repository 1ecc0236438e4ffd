import type { ModelIR } from "../ir/types.js";
import type { GraphFormat } from "./graph-format.js";
import { renderSvg } from "./render-svg.js";
import { toDot } from "./to-dot.js";
import { toMermaid } from "./to-mermaid.js";

/** The diagram of a model as the text of a file in the given format. */
export async function renderGraph(ir: ModelIR, format: GraphFormat): Promise<string> {
  switch (format) {
    case "dot":
      return toDot(ir);
    case "mmd":
      return toMermaid(ir);
    case "svg":
      return renderSvg(toDot(ir));
  }
}
