import { createHash } from "node:crypto";
import { codes, diagnostic } from "../diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";
import { lowerModel } from "../ir/lower/index.js";
import type { CallInfo, SymbolInfo } from "../ir/lower/symbols.js";
import type { ModelIR } from "../ir/types.js";
import type { Program } from "../parser/ast.js";
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
  /** The syntax tree (with error recovery, also for broken sources). */
  program?: Program;
  /** Declared names with their kinds and types, as far as checking got. */
  symbols: SymbolInfo[];
  /** Every layer application with its input and output types. */
  calls: CallInfo[];
}

/** Parses, lowers and shape-checks a spec. Pure: no I/O, no TensorFlow.js; never throws. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const file = options.file ?? "<input>";
  try {
    const parsed = parse(source, file);
    const model = parsed.program.models[0];
    const program = parsed.program;
    if (!model || hasErrors(parsed.diagnostics)) return { diagnostics: sortDiagnostics(parsed.diagnostics), program, symbols: [], calls: [] };
    const sha256 = createHash("sha256").update(source).digest("hex");
    const lowered = lowerModel(model, { params: options.params, source: { file, sha256 } });
    const diagnostics = sortDiagnostics([...parsed.diagnostics, ...lowered.diagnostics]);
    return { diagnostics, ir: lowered.ir, program, symbols: lowered.symbols, calls: lowered.calls };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const internal = diagnostic("InternalError", `internal error while checking: ${message} (please report this with the spec)`, fileStartSpan(file));
    return { diagnostics: [internal], symbols: [], calls: [] };
  }
}

export { codes };
