import type { CheckOptions, CheckResult } from "../../api/check.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import { readSource } from "../read-source.js";
import { formatCounts, renderDiagnostics } from "../render.js";
import { renderJsonDiagnostics } from "../render-json.js";
import { readImportedFile } from "../import-reader.js";

/** What `nnspec check` needs from the API; a parameter so tests can supply exact diagnostics. */
export interface CheckDependencies {
  check(source: string, options?: CheckOptions): CheckResult;
}

const description = `
Checks each spec file and reports every problem as file:line:col, with the source line and
an underline, like a compiler. Files without problems print nothing (see --verbose).

Exit status: 0 when no file has errors (warnings are allowed unless --strict), 1 when a spec
has errors, 2 when a file cannot be read or the command line is wrong.

--format json prints one JSON array for all files, each entry
{file, line, column, endLine, endColumn, severity, code, message} and, when the diagnostic has
notes, related: [{file, line, column, endLine, endColumn, message}]. Lines and columns are
1-based, columns count UTF-16 code units, and endColumn is exclusive.`;

/** `nnspec check FILE…`: diagnostics on stdout, like tsc. */
export function createCheckCommand(api: CheckDependencies): Command {
  return defineCommand({
    name: "check",
    summary: "check spec files and report every problem",
    description,
    operands: { name: "FILE", min: 1 },
    flags: {
      set: commonFlags.set,
      format: commonFlags.format,
      strict: flag.boolean("exit with status 1 on warnings too"),
      verbose: flag.boolean("always print the count line, even when every file is clean"),
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const sources = new Map<string, string>();
      const diagnostics: Diagnostic[] = [];
      let unreadable = false;
      for (const file of operands) {
        const read = await readSource(file);
        if ("diagnostic" in read) {
          diagnostics.push(read.diagnostic);
          unreadable = true;
          continue;
        }
        sources.set(file, read.source);
        const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
        const result = api.check(read.source, { file, params, readFile: readImportedFile });
        for (const [name, text] of result.sources ?? []) sources.set(name, text);
        diagnostics.push(...sortDiagnostics(result.diagnostics));
      }

      if (flags.format === "json") {
        io.stdout.write(renderJsonDiagnostics(diagnostics));
      } else {
        const color = useColor(flags.color, io.stdout, io.env);
        io.stdout.write(renderDiagnostics(diagnostics, (file) => sources.get(file), { color }));
        if (flags.verbose && diagnostics.length === 0) {
          const files = operands.length === 1 ? "1 file" : `${operands.length} files`;
          io.stdout.write(`${formatCounts(diagnostics)} in ${files}\n`);
        }
      }

      if (unreadable) return ExitCode.Usage;
      const failing = (d: Diagnostic) => d.severity === "error" || (flags.strict && d.severity === "warning");
      return diagnostics.some(failing) ? ExitCode.Failure : ExitCode.Ok;
    },
  });
}
