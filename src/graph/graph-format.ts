import { extname } from "node:path";

/** The file formats `nnspec graph` writes. */
export const graphFormats = ["svg", "dot", "mmd"] as const;

export type GraphFormat = (typeof graphFormats)[number];

/** File extensions (lower case, with the dot) and the format each one means. */
const extensions: Readonly<Record<string, GraphFormat>> = {
  ".svg": "svg",
  ".dot": "dot",
  ".gv": "dot",
  ".mmd": "mmd",
  ".mermaid": "mmd",
};

/** The format an output file name asks for (`model.svg` → svg), if its extension is one we know. */
export function formatFromPath(path: string): GraphFormat | undefined {
  const extension = extname(path).toLowerCase();
  return Object.hasOwn(extensions, extension) ? extensions[extension] : undefined;
}

/** `.svg, .dot, .gv, .mmd or .mermaid`, for messages. */
export function knownExtensions(): string {
  const names = Object.keys(extensions);
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
