/**
 * nnspec's programmatic API. `check` and `summarize` are pure and never load TensorFlow.js;
 * the backend functions load it lazily when called.
 */
export { check, type CheckOptions, type CheckResult } from "./api/check.js";
export { summarize, summaryFromIR, type ModelSummary, type SummaryLayer, type SummaryTensor } from "./api/summary.js";
export { validateIR } from "./ir/schema.js";
export { codes, type CodeName, type CodeInfo } from "./diagnostics/codes.js";
export type { Diagnostic, Severity, RelatedInformation } from "./diagnostics/diagnostic.js";
export type { Span, Position } from "./diagnostics/span.js";
export type * from "./ir/types.js";
