import type { CheckOptions, CheckResult } from "../../../src/api/check.js";
import { diagnostic } from "../../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { spanOf } from "./spans.js";

/**
 * A stand-in for the API's check(): every `ERROR` in the source is an NN2001 error and every
 * `WARN` an NN5001 warning, at that word. It records the options it was called with, so tests
 * of the CLI's exit codes and output do not depend on which checks the compiler has.
 */
export function fakeCheck(): { check(source: string, options?: CheckOptions): CheckResult; calls: CheckOptions[] } {
  const calls: CheckOptions[] = [];
  return {
    calls,
    check(source, options = {}) {
      calls.push(options);
      return { diagnostics: fakeDiagnostics(source, options.file ?? "<input>"), symbols: [], calls: [], sources: new Map() };
    },
  };
}

export function fakeDiagnostics(source: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [word, name] of [
    ["ERROR", "UnknownName"],
    ["WARN", "UnusedBinding"],
  ] as const) {
    const count = source.split(word).length - 1;
    for (let i = 0; i < count; i++) found.push(diagnostic(name, `fake ${word}`, spanOf(source, word, file, i)));
  }
  return found;
}
