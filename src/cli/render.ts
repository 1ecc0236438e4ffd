import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";
import { palette } from "./colors.js";
import type { Palette } from "./colors.js";
import { excerpt } from "./source-excerpt.js";
import { sanitize } from "./terminal-text.js";

/** The text of a file by the name spans use, or undefined when it is not available. */
export type SourceLookup = (file: string) => string | undefined;

export interface RenderOptions {
  color: boolean;
}

/**
 * One diagnostic, compiler style: `file:line:col: error NN3002: message`, the source line with
 * a caret/tilde underline, then each related location as a `note:` with its own excerpt.
 */
export function renderDiagnostic(d: Diagnostic, sources: SourceLookup, options: RenderOptions): string {
  const p = palette(options.color);
  const paint = severityPaint(d.severity, p);
  const label = paint(`${d.severity} ${sanitize(d.code)}:`);
  let text = `${p.bold(location(d.span))} ${label} ${p.bold(sanitize(d.message))}\n`;
  text += renderExcerpt(d.span, sources, paint, p);
  for (const related of d.related ?? []) {
    text += `${p.bold(location(related.span))} ${p.note("note:")} ${sanitize(related.message)}\n`;
    text += renderExcerpt(related.span, sources, p.note, p);
  }
  return text;
}

/** All diagnostics, a blank line apart, then the count line; the empty string when there are none. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  options: RenderOptions,
): string {
  if (diagnostics.length === 0) return "";
  const blocks = diagnostics.map((d) => renderDiagnostic(d, sources, options));
  return `${blocks.join("\n")}\n${formatCounts(diagnostics)}\n`;
}

/** "2 errors, 1 warning"; "no problems" when there is nothing to count. */
export function formatCounts(diagnostics: readonly Diagnostic[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, "error"));
  if (counts.warning > 0) parts.push(plural(counts.warning, "warning"));
  if (counts.info > 0) parts.push(plural(counts.info, "info message"));
  return parts.length === 0 ? "no problems" : parts.join(", ");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function location(span: Span): string {
  return `${sanitize(span.file)}:${span.start.line}:${span.start.column}:`;
}

function severityPaint(severity: Severity, p: Palette): (text: string) => string {
  return severity === "error" ? p.error : severity === "warning" ? p.warning : p.note;
}

/** Line numbers get at least this many columns, so excerpts of nearby lines align. */
const GUTTER_WIDTH = 5;

function renderExcerpt(
  span: Span,
  sources: SourceLookup,
  paint: (text: string) => string,
  p: Palette,
): string {
  const source = sources(span.file);
  if (source === undefined) return "";
  const shown = excerpt(source, span);
  if (shown === undefined) return "";
  const number = String(shown.line).padStart(GUTTER_WIDTH);
  const blank = " ".repeat(number.length);
  const underline = " ".repeat(shown.column) + paint("^" + "~".repeat(shown.width - 1));
  const line = shown.text === "" ? "" : ` ${shown.text}`;
  return `${p.gutter(`${number} |`)}${line}\n${p.gutter(`${blank} |`)} ${underline}\n`;
}
