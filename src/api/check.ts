import { createHash } from "node:crypto";
import { codes, diagnostic } from "../diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";
import { lowerModel } from "../ir/lower/index.js";
import type { ModelIR } from "../ir/types.js";
import { parse } from "../parser/parse.js";

export interface CheckOptions {
  /** The file name used in diagnostics and recorded in the IR (default "<input>"). */
  file?: string;
  /** Parameter overrides, like `--set vocab_size=5000`; strings are converted to the parameter's type. */
  params?: Record<string, string | number | boolean>;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** The IR, present when there are no errors. */
  ir?: ModelIR;
}

/** Parses, lowers and shape-checks a spec. Pure: no I/O, no TensorFlow.js; never throws. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const file = options.file ?? "<input>";
  try {
    const parsed = parse(source, file);
    const model = parsed.program.models[0];
    if (!model || hasErrors(parsed.diagnostics)) return { diagnostics: sortDiagnostics(parsed.diagnostics) };
    const sha256 = createHash("sha256").update(source).digest("hex");
    const lowered = lowerModel(model, { params: options.params, source: { file, sha256 } });
    return { diagnostics: sortDiagnostics([...parsed.diagnostics, ...lowered.diagnostics]), ir: lowered.ir };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [diagnostic("InternalError", `internal error while checking: ${message} (please report this with the spec)`, fileStartSpan(file))] };
  }
}

export { codes };
