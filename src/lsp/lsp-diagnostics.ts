import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from "vscode-languageserver/node.js";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { fileStartSpan, formatPosition, type Span } from "../diagnostics/span.js";
import { spanToRange } from "./ranges.js";

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

// Editors fade out code these warnings are about, as they do for unused variables.
const unnecessary = new Set<string>([codes.UnusedBinding.code, codes.UnusedLayer.code, codes.UnusedInput.code, codes.UnusedParameter.code]);

/** The document a set of diagnostics is published for: its URI and the file name its spans use. */
export interface DiagnosticTarget {
  uri: string;
  file: string;
}

/**
 * A diagnostic as `nnspec check` reports it, in LSP form. One whose span lies in an imported
 * file is shown where this document uses that file (its first note here, else the file start),
 * naming the place in the other file, which stays one click away in its related information.
 */
export function toLspDiagnostic(d: Diagnostic, target: DiagnosticTarget): LspDiagnostic {
  const here = d.span.file === target.file;
  const anchor = here ? d.span : (d.related?.find((r) => r.span.file === target.file)?.span ?? fileStartSpan(target.file));
  const related = (d.related ?? []).map((r) => ({ location: locationOf(r.span, target), message: r.message }));
  if (!here) related.unshift({ location: locationOf(d.span, target), message: "the problem is here" });
  const result: LspDiagnostic = {
    range: spanToRange(anchor),
    severity: severities[d.severity],
    code: d.code,
    source: "nnspec",
    message: here ? d.message : `${d.span.file}:${formatPosition(d.span)}: ${d.message}`,
  };
  if (related.length > 0) result.relatedInformation = related;
  if (unnecessary.has(d.code)) result.tags = [DiagnosticTag.Unnecessary];
  return result;
}

function locationOf(span: Span, target: DiagnosticTarget): { uri: string; range: ReturnType<typeof spanToRange> } {
  const uri = span.file === target.file ? target.uri : isAbsolute(span.file) ? pathToFileURL(span.file).href : span.file;
  return { uri, range: spanToRange(span) };
}
