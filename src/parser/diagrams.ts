import { chevrotain } from "./chevrotain-runtime.js";
import { getParser } from "./parser.js";

/** The railroad diagrams of the grammar as a standalone HTML page (grammar/diagrams.html). */
export function syntaxDiagramsHtml(): string {
  const html = chevrotain.createSyntaxDiagramsCode(getParser().getSerializedGastProductions());
  return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>nnspec grammar: syntax diagrams</title>');
}
