import { createHash } from "node:crypto";
import { codes, diagnostic } from "../diagnostics/codes.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";
import { lowerModel } from "../ir/lower/index.js";
import type { CallInfo, SymbolInfo } from "../ir/lower/symbols.js";
import type { ModelIR } from "../ir/types.js";
import type { Program } from "../parser/ast.js";
import { parse } from "../parser/parse.js";
import { resolveBlocks, type ReadFile } from "./imports.js";

export interface CheckOptions {
  /** The file name used in diagnostics and recorded in the IR (default "<input>"). */
  file?: string;
  /** Parameter overrides, like `--set vocab_size=5000`; strings are converted to the parameter's type. */
  params?: Record<string, string | number | boolean>;
  /** Reads files named by `import`; without it, a spec that imports gets NN2026. */
  readFile?: ReadFile;
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
  /** The text of each imported file, by the name diagnostics use for it. */
  sources: Map<string, string>;
}

/** Parses, lowers and shape-checks a spec. Pure: no I/O, no TensorFlow.js; never throws. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const file = options.file ?? "<input>";
  try {
    const parsed = parse(source, file);
    const model = parsed.program.models[0];
    const program = parsed.program;
    const blocks = resolveBlocks(program, file, options.readFile);
    const early = [...parsed.diagnostics, ...blocks.diagnostics];
    if (!model || hasErrors(early)) {
      return { diagnostics: sortDiagnostics(early), program, symbols: [], calls: [], sources: blocks.sources };
    }
    const sha256 = createHash("sha256").update(source).digest("hex");
    const lowered = lowerModel(model, { params: options.params, source: { file, sha256 }, blocks: blocks.scope });
    const diagnostics = sortDiagnostics(unique([...early, ...lowered.diagnostics]));
    return { diagnostics, ir: lowered.ir, program, symbols: lowered.symbols, calls: lowered.calls, sources: blocks.sources };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const internal = diagnostic("InternalError", `internal error while checking: ${message} (please report this with the spec)`, fileStartSpan(file));
    return { diagnostics: [internal], symbols: [], calls: [], sources: new Map() };
  }
}

/** A block used twice reports the same problem in its body twice: keep one. */
function unique(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code} ${d.span.file} ${d.span.start.offset} ${d.span.end.offset} ${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type { ReadFile };

export { codes };
