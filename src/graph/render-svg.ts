import type { Viz } from "@viz-js/viz";

/** One Graphviz instance per process: compiling the WebAssembly module is the slow part. */
let viz: Promise<Viz> | undefined;

/**
 * Lays out a DOT document and draws it as SVG with Graphviz compiled to WebAssembly. The module
 * is loaded on first use: only `--format svg` needs it, and it is several megabytes.
 */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= import("@viz-js/viz").then((module) => module.instance());
  const result = (await viz).render(dot, { format: "svg", engine: "dot" });
  if (result.status === "failure") {
    // The DOT is generated, so a failure here is a bug in the generator, not in the spec.
    const reasons = result.errors.map((e) => e.message.trim()).join("; ");
    throw new Error(`Graphviz could not lay out the diagram: ${reasons}`);
  }
  return result.output;
}
