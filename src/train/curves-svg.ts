import { epochTicks, niceTicks, tickLabel } from "./axis-ticks.js";
import { series, type HistoryFile } from "./history.js";

const PANEL_WIDTH = 420;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 58, right: 16, top: 34, bottom: 44 };
const TRAIN_COLOR = "#1f6fb4";
const VALIDATION_COLOR = "#e07b10";
const BEST_COLOR = "#2a9d3a";

/**
 * Learning curves as a small standalone SVG: one panel for the loss and one per metric, each
 * with the training values (solid) and the validation values (dashed) per epoch, and the best
 * epoch (the saved model) marked by a vertical line and a ring on the monitored curve.
 */
export function curvesSvg(history: HistoryFile, title: string): string {
  const keys = panelKeys(history);
  const columns = keys.length > 1 ? 2 : 1;
  const rows = Math.ceil(keys.length / columns);
  const width = columns * PANEL_WIDTH;
  const height = rows * PANEL_HEIGHT + 56;
  const panels = keys.map((key, i) => panel(history, key, (i % columns) * PANEL_WIDTH, 40 + Math.floor(i / columns) * PANEL_HEIGHT));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="bold" fill="#222">${escapeXml(title)}</text>`,
    legend(width - 16, 26, history),
    ...panels,
    "</svg>",
    "",
  ].join("\n");
}

/** "loss" first, then each metric, each training key that is not an output's own loss. */
function panelKeys(history: HistoryFile): string[] {
  const keys = new Set<string>();
  for (const record of history.epochs) for (const key of Object.keys(record.logs)) if (!key.startsWith("val_")) keys.add(key);
  return [...keys].filter((key) => key === "loss" || !key.endsWith("_loss")).sort((a, b) => (a === "loss" ? -1 : b === "loss" ? 1 : 0));
}

function panel(history: HistoryFile, key: string, x0: number, y0: number): string {
  const epochs = history.epochs.map((record) => record.epoch);
  const train = series(history.epochs, key);
  const validation = series(history.epochs, `val_${key}`);
  const values = [...train, ...validation].filter(Number.isFinite);
  const { ticks, min, max } = niceTicks(Math.min(...values), Math.max(...values));
  const last = Math.max(1, ...epochs);
  const plot = { left: x0 + MARGIN.left, right: x0 + PANEL_WIDTH - MARGIN.right, top: y0 + MARGIN.top, bottom: y0 + PANEL_HEIGHT - MARGIN.bottom };
  const x = (epoch: number): number => (last === 1 ? (plot.left + plot.right) / 2 : plot.left + ((epoch - 1) / (last - 1)) * (plot.right - plot.left));
  const y = (value: number): number => plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top);
  const parts: string[] = [`<text x="${plot.left}" y="${y0 + 22}" font-size="13" font-weight="bold" fill="#333">${escapeXml(key)}</text>`];
  for (const tick of ticks) {
    parts.push(`<line x1="${plot.left}" y1="${y(tick).toFixed(1)}" x2="${plot.right}" y2="${y(tick).toFixed(1)}" stroke="#e6e6e6"/>`);
    parts.push(`<text x="${plot.left - 6}" y="${(y(tick) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#555">${tickLabel(tick)}</text>`);
  }
  for (const tick of epochTicks(last)) {
    parts.push(`<line x1="${x(tick).toFixed(1)}" y1="${plot.bottom}" x2="${x(tick).toFixed(1)}" y2="${plot.bottom + 4}" stroke="#888"/>`);
    parts.push(`<text x="${x(tick).toFixed(1)}" y="${plot.bottom + 17}" font-size="11" text-anchor="middle" fill="#555">${tick}</text>`);
  }
  parts.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${(plot.left + plot.right) / 2}" y="${plot.bottom + 34}" font-size="11" text-anchor="middle" fill="#555">epoch</text>`);
  const best = history.best_epoch;
  if (best !== null) {
    parts.push(`<line x1="${x(best).toFixed(1)}" y1="${plot.top}" x2="${x(best).toFixed(1)}" y2="${plot.bottom}" stroke="${BEST_COLOR}" stroke-dasharray="3 3"/>`);
  }
  parts.push(curve(epochs, train, x, y, TRAIN_COLOR, false));
  parts.push(curve(epochs, validation, x, y, VALIDATION_COLOR, true));
  if (best !== null) {
    const monitored = history.monitor.key === key ? train : history.monitor.key === `val_${key}` ? validation : undefined;
    const value = monitored?.[epochs.indexOf(best)];
    if (value !== undefined && Number.isFinite(value)) {
      parts.push(`<circle cx="${x(best).toFixed(1)}" cy="${y(value).toFixed(1)}" r="6" fill="none" stroke="${BEST_COLOR}" stroke-width="2"/>`);
    }
    parts.push(`<text x="${plot.right}" y="${plot.top - 6}" font-size="11" text-anchor="end" fill="${BEST_COLOR}">best: epoch ${best}</text>`);
  }
  return `<g>\n${parts.join("\n")}\n</g>`;
}

function curve(epochs: number[], values: number[], x: (e: number) => number, y: (v: number) => number, color: string, dashed: boolean): string {
  const points = epochs.map((epoch, i) => [x(epoch), values[i]!] as const).filter(([, value]) => Number.isFinite(value));
  if (points.length === 0) return "";
  const path = points.map(([px, value], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  const dots = points.map(([px, value]) => `<circle cx="${px.toFixed(1)}" cy="${y(value).toFixed(1)}" r="2.5" fill="${color}"/>`).join("");
  return `<path d="${path}" fill="none" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>${dots}`;
}

function legend(right: number, baseline: number, history: HistoryFile): string {
  const hasValidation = history.epochs.some((record) => Object.keys(record.logs).some((key) => key.startsWith("val_")));
  const items: [string, string, boolean][] = [["training", TRAIN_COLOR, false]];
  if (hasValidation) items.push(["validation", VALIDATION_COLOR, true]);
  if (history.best_epoch !== null) items.push([`best (${history.monitor.key})`, BEST_COLOR, true]);
  let x = right;
  const parts: string[] = [];
  for (const [label, color, dashed] of items.reverse()) {
    const width = 30 + label.length * 6.5;
    x -= width;
    parts.push(`<line x1="${x}" y1="${baseline - 4}" x2="${x + 22}" y2="${baseline - 4}" stroke="${color}" stroke-width="2"${dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    parts.push(`<text x="${x + 27}" y="${baseline}" font-size="12" fill="#333">${escapeXml(label)}</text>`);
    x -= 12;
  }
  return parts.join("\n");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
