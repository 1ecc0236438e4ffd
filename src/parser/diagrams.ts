import { createSyntaxDiagramsCode } from "chevrotain";
import { getParser } from "./parser.js";

/** The railroad diagrams of the grammar as a standalone HTML page (grammar/diagrams.html). */
export function syntaxDiagramsHtml(): string {
  const html = createSyntaxDiagramsCode(getParser().getSerializedGastProductions());
  return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>nnspec grammar: syntax diagrams</title>');
}
