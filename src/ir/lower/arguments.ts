import type { Argument } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";

export interface NamedArgument {
  name: string;
  argument: Argument;
}

/**
 * Assigns each argument to an option name: positional ones in order to `positional`, keyword
 * ones by name. Reports positional-after-keyword, too many positional, and duplicates.
 */
export function nameArguments(
  args: readonly Argument[],
  positional: readonly string[],
  calleeName: string,
  calleeSpan: Span,
  sink: DiagnosticSink,
): NamedArgument[] | undefined {
  const named: NamedArgument[] = [];
  const seen = new Map<string, Argument>();
  let ok = true;
  let sawKeyword = false;
  let position = 0;
  for (const argument of args) {
    let name: string;
    if (argument.name) {
      sawKeyword = true;
      name = argument.name.name;
    } else {
      if (sawKeyword) {
        sink.report("PositionalAfterKeyword", `${calleeName}: a positional argument cannot follow keyword arguments`, argument.span);
        ok = false;
        continue;
      }
      if (position >= positional.length) {
        const accepted = positional.length === 0
          ? "takes no positional options"
          : `takes at most ${positional.length} positional option${positional.length === 1 ? "" : "s"} (${positional.join(", ")})`;
        sink.report("TooManyArguments", `${calleeName} ${accepted}; give the others by name`, argument.span, [
          { message: `${calleeName} called here`, span: calleeSpan },
        ]);
        ok = false;
        continue;
      }
      name = positional[position++];
    }
    const previous = seen.get(name);
    if (previous) {
      sink.report("DuplicateArgument", `${calleeName}: '${name}' is given twice`, argument.name?.span ?? argument.span, [
        { message: `'${name}' first given here`, span: previous.span },
      ]);
      ok = false;
      continue;
    }
    seen.set(name, argument);
    named.push({ name, argument });
  }
  return ok ? named : undefined;
}
