import type { CheckOptions } from "../../api/check.js";
import type { ModelSummary } from "../../api/summary.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import { readSource } from "../read-source.js";
import { renderDiagnostics } from "../render.js";
import { renderJsonDiagnostics } from "../render-json.js";
import { readImportedFile } from "../import-reader.js";
import { renderSummary } from "../render-summary.js";

/** What `nnspec summary` needs from the API; a parameter so tests can supply exact results. */
export interface SummaryDependencies {
  summarize(source: string, options?: CheckOptions): { diagnostics: Diagnostic[]; summary?: ModelSummary; sources?: ReadonlyMap<string, string> };
}

const description = `
Prints a layer-by-layer summary of a spec, Keras style: each layer's type, output shapes and
parameter count, then the totals. --format json prints the summary object instead.

The summary alone goes to stdout; diagnostics (warnings, or the errors that prevent a
summary) go to stderr, as text or, with --format json, as a JSON array like 'nnspec check'.

Exit status: 0 when the summary was printed, 1 when the spec has errors, 2 when the file
cannot be read or the command line is wrong.`;

/** `nnspec summary FILE`: the summary table on stdout. */
export function createSummaryCommand(api: SummaryDependencies): Command {
  return defineCommand({
    name: "summary",
    summary: "print a layer-by-layer summary with shapes and parameter counts",
    description,
    operands: { name: "FILE", min: 1, max: 1 },
    flags: {
      set: commonFlags.set,
      format: commonFlags.format,
      ascii: flag.boolean("draw the table with plain ASCII characters"),
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const file = operands[0];
      const color = useColor(flags.color, io.stderr, io.env);
      const report = (diagnostics: readonly Diagnostic[], source?: string, imported?: ReadonlyMap<string, string>): void => {
        if (diagnostics.length === 0) return;
        const sources = (name: string) => (name === file ? source : imported?.get(name));
        const json = flags.format === "json";
        io.stderr.write(json ? renderJsonDiagnostics(diagnostics) : renderDiagnostics(diagnostics, sources, { color }));
      };

      const read = await readSource(file);
      if ("diagnostic" in read) {
        report([read.diagnostic]);
        return ExitCode.Usage;
      }
      const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
      const { diagnostics, summary, sources } = api.summarize(read.source, { file, params, readFile: readImportedFile });
      report(sortDiagnostics(diagnostics), read.source, sources);
      if (hasErrors(diagnostics) || summary === undefined) return ExitCode.Failure;

      const json = flags.format === "json";
      io.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary, { ascii: flags.ascii }));
      return ExitCode.Ok;
    },
  });
}
