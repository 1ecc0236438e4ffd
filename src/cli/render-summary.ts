import type { ModelSummary } from "../api/summary.js";
import type { Dim } from "../ir/types.js";
import { displayWidth, sanitize } from "./terminal-text.js";

export interface SummaryRenderOptions {
  /** Plain `+-|` borders for terminals and logs that mangle box-drawing characters. */
  ascii: boolean;
}

/** `(batch, 20, 100)`, with `?` for an unknown dim; a rank-1 shape is `(batch,)` as in Keras. */
export function formatTupleShape(shape: readonly Dim[]): string {
  const dims = shape.map((d) => (d === null ? "?" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(", ")})`;
}

/** 1223400 → "1,223,400". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** The pieces of a table border: left, fill, junction, right. */
interface Rule {
  left: string;
  fill: string;
  junction: string;
  right: string;
}

interface Borders {
  top: Rule;
  header: Rule;
  between: Rule;
  bottom: Rule;
  headerBar: string;
  bar: string;
}

const boxBorders: Borders = {
  top: { left: "┏", fill: "━", junction: "┳", right: "┓" },
  header: { left: "┡", fill: "━", junction: "╇", right: "┩" },
  between: { left: "├", fill: "─", junction: "┼", right: "┤" },
  bottom: { left: "└", fill: "─", junction: "┴", right: "┘" },
  headerBar: "┃",
  bar: "│",
};

const asciiBorders: Borders = {
  top: { left: "+", fill: "-", junction: "+", right: "+" },
  header: { left: "+", fill: "=", junction: "+", right: "+" },
  between: { left: "+", fill: "-", junction: "+", right: "+" },
  bottom: { left: "+", fill: "-", junction: "+", right: "+" },
  headerBar: "|",
  bar: "|",
};

const headings = ["Layer", "Type", "Output shape", "Params"];
/** Params is a number column: right-aligned so digits line up. */
const rightAligned = [false, false, false, true];

/**
 * A Keras-style model summary: one row per layer (a shared layer lists the output shape of each
 * application on its own line), the model's inputs and outputs, then the parameter totals.
 */
export function renderSummary(summary: ModelSummary, options: SummaryRenderOptions): string {
  const borders = options.ascii ? asciiBorders : boxBorders;
  // Each row is a list of cells; each cell a list of lines.
  const rows: string[][][] = summary.layers.map((layer) => [
    [sanitize(layer.name)],
    [sanitize(layer.type)],
    layer.output_shapes.map(formatTupleShape),
    [formatCount(layer.params)],
  ]);
  const widths = headings.map((heading, column) =>
    Math.max(displayWidth(heading), ...rows.flatMap((row) => row[column].map(displayWidth))),
  );

  const rule = (r: Rule): string => r.left + widths.map((w) => r.fill.repeat(w + 2)).join(r.junction) + r.right;
  const line = (cells: readonly string[], bar: string): string =>
    bar + cells.map((cell, column) => ` ${pad(cell, widths[column], rightAligned[column])} `).join(bar) + bar;

  const lines = [`Model: "${sanitize(summary.name)}"`, rule(borders.top)];
  lines.push(line(headings, borders.headerBar), rule(borders.header));
  rows.forEach((row, index) => {
    if (index > 0) lines.push(rule(borders.between));
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let i = 0; i < height; i++) lines.push(line(row.map((cell) => cell[i] ?? ""), borders.bar));
  });
  lines.push(
    rule(borders.bottom),
    ` Inputs: ${summary.inputs.map(describeTensor).join(", ")}`,
    ` Outputs: ${summary.outputs.map(describeTensor).join(", ")}`,
    ` Total params: ${formatCount(summary.params.total)}`,
    ` Trainable params: ${formatCount(summary.params.trainable)}`,
    ` Non-trainable params: ${formatCount(summary.params.total - summary.params.trainable)}`,
  );
  return `${lines.join("\n")}\n`;
}

function describeTensor(tensor: ModelSummary["inputs"][number]): string {
  return `${sanitize(tensor.name)}: ${tensor.dtype} ${formatTupleShape(tensor.shape)}`;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}
