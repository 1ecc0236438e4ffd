import type { HostTensor } from "./host-tensor.js";

const MARGIN = { left: 64, top: 76, right: 96, bottom: 24 };
const SCALE_STEPS = 5;

export interface HeatmapOptions {
  title: string;
  /** Labels of the rows and columns; step indices where absent. */
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
}

/**
 * The first matrix of a tensor as a heatmap: its last two axes as rows and columns, the axes
 * before them at index 0 (for attention weights `[batch, query, key]`, batch row 0's query
 * steps × key steps).
 * Colours run from white (the smallest value) to dark blue (the largest), with a scale beside.
 */
export function heatmapSvg(tensor: HostTensor, options: HeatmapOptions): string {
  const { shape, data } = tensor;
  if (shape.length < 2) throw new RangeError(`a heatmap needs 2 axes or more, not ${shape.length}`);
  const rows = shape[shape.length - 2]!;
  const columns = shape[shape.length - 1]!;
  // The first rows × columns values are the first matrix in C order: batch row 0, index 0 of any middle axes.
  const values = Array.from(data.subarray(0, rows * columns), Number);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const cell = Math.max(8, Math.min(32, Math.floor(560 / Math.max(rows, columns, 1))));
  const width = MARGIN.left + columns * cell + MARGIN.right;
  const height = MARGIN.top + rows * cell + MARGIN.bottom;
  const x = (column: number): number => MARGIN.left + column * cell;
  const y = (row: number): number => MARGIN.top + row * cell;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.max(height, MARGIN.top + 140)}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold" fill="#222">${escapeXml(options.title)}</text>`,
    `<text x="${x(columns / 2)}" y="${MARGIN.top - 34}" font-size="12" text-anchor="middle" fill="#333">key step (last axis)</text>`,
    `<text transform="translate(18 ${y(rows / 2)}) rotate(-90)" font-size="12" text-anchor="middle" fill="#333">query step</text>`,
  ];
  const every = Math.ceil(12 / cell); // label every step while labels fit, else every few
  for (let column = 0; column < columns; column += every) {
    const label = escapeXml(options.columnLabels?.[column] ?? String(column));
    parts.push(`<text x="${x(column + 0.5)}" y="${MARGIN.top - 8}" font-size="10" text-anchor="middle" fill="#444">${label}</text>`);
  }
  for (let row = 0; row < rows; row += every) {
    const label = escapeXml(options.rowLabels?.[row] ?? String(row));
    parts.push(`<text x="${MARGIN.left - 6}" y="${y(row + 0.5) + 3}" font-size="10" text-anchor="end" fill="#444">${label}</text>`);
  }
  values.forEach((value, i) => {
    const row = Math.floor(i / columns);
    const column = i % columns;
    parts.push(
      `<rect class="cell" x="${x(column)}" y="${y(row)}" width="${cell}" height="${cell}" fill="${color(value, low, high)}"><title>[${row}, ${column}] ${format(value)}</title></rect>`,
    );
  });
  parts.push(...scale(x(columns) + 16, MARGIN.top, low, high), "</svg>", "");
  return parts.join("\n");
}

/** A vertical colour bar with its smallest and largest value and the steps between. */
function scale(left: number, top: number, low: number, high: number): string[] {
  const parts: string[] = [];
  const step = 24;
  for (let i = 0; i < SCALE_STEPS; i++) {
    const value = high - ((high - low) * i) / (SCALE_STEPS - 1);
    const y = top + i * step;
    parts.push(`<rect x="${left}" y="${y}" width="14" height="${step}" fill="${color(value, low, high)}" stroke="#999" stroke-width="0.5"/>`);
    parts.push(`<text x="${left + 20}" y="${y + step / 2 + 4}" font-size="10" fill="#444">${format(value)}</text>`);
  }
  return parts;
}

/** White to dark blue, linear in the value between low and high. */
function color(value: number, low: number, high: number): string {
  const t = high > low && Number.isFinite(value) ? (value - low) / (high - low) : 0;
  const channel = (from: number, to: number): string => Math.round(from + (to - from) * t).toString(16).padStart(2, "0");
  return `#${channel(255, 8)}${channel(255, 48)}${channel(255, 107)}`;
}

function format(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
