/**
 * A reader for the DOT that to-dot.ts writes (one statement per line), so tests can ask which
 * vertices and edges a diagram has instead of matching long strings.
 */

export interface DotStatement {
  /** The vertex id, or for an edge "from -> to". */
  from: string;
  to?: string;
  /** The attribute list as written, between the brackets. */
  attributes: string;
  /** The label's visible text: tags removed, entities decoded, lines (and table rows) joined by "\n". */
  text: string;
}

const quoted = String.raw`"((?:[^"\\]|\\.)*)"`;
const vertexPattern = new RegExp(String.raw`^  ${quoted} \[(.*)\];$`);
const edgePattern = new RegExp(String.raw`^  ${quoted} -> ${quoted}(?: \[(.*)\])?;$`);

export function dotVertices(dot: string): DotStatement[] {
  return dot.split("\n").flatMap((line) => {
    const match = vertexPattern.exec(line);
    return match ? [{ from: unquote(match[1]), attributes: match[2], text: labelText(match[2]) }] : [];
  });
}

export function dotEdges(dot: string): DotStatement[] {
  return dot.split("\n").flatMap((line) => {
    const match = edgePattern.exec(line);
    if (!match) return [];
    const attributes = match[3] ?? "";
    return [{ from: unquote(match[1]), to: unquote(match[2]), attributes, text: labelText(attributes) }];
  });
}

function unquote(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

function labelText(attributes: string): string {
  const html = /label=<(.*)>/.exec(attributes);
  if (html) {
    const text = html[1]
      .replace(/<BR\/>|<\/TR>/g, "\n")
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    return text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join("\n");
  }
  const plain = /label="((?:[^"\\]|\\.)*)"/.exec(attributes);
  return plain ? unquote(plain[1]) : "";
}
