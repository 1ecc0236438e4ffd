import type { CheckOptions } from "../../api/check.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { formatFromPath, graphFormats, knownExtensions, type GraphFormat } from "../../graph/graph-format.js";
import { renderGraph } from "../../graph/render-graph.js";
import { writeFileAtomic } from "../../io/atomic-file.js";
import type { ModelIR } from "../../ir/types.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { readSource } from "../read-source.js";
import { renderDiagnostics } from "../render.js";
import { readImportedFile } from "../import-reader.js";
import { sanitize } from "../terminal-text.js";

/** What `nnspec graph` needs from the API; a parameter so tests can supply exact results. */
export interface GraphDependencies {
  check(source: string, options?: CheckOptions): { diagnostics: Diagnostic[]; ir?: ModelIR };
}

const description = `
Draws a spec's model as a diagram: one box per layer call with its name, type and the options
that differ from Keras's defaults; edges labelled with tensor shapes; inputs at the top and
outputs at the bottom with their dtypes and shapes. A layer applied several times (shared
weights) has one box per call, all in the same colour with a "shared ×N" badge.

-o OUT (--output OUT) names the file to write. Its extension picks the format unless --format
says otherwise: .svg (drawn with Graphviz), .dot or .gv (Graphviz source), .mmd or .mermaid
(a Mermaid flowchart for Markdown). '-o -' writes to stdout and needs --format. The file is
replaced atomically: it is either the old file or the whole new one.

Diagnostics go to stderr, like 'nnspec check' renders them; a spec with errors writes nothing.

Exit status: 0 when the diagram was written, 1 when the spec has errors, 2 when the command
line is wrong, the spec cannot be read or the output cannot be written.`;

/** `nnspec graph FILE -o OUT`: the model's diagram as SVG, DOT or Mermaid. */
export function createGraphCommand(api: GraphDependencies): Command {
  const command = defineCommand({
    name: "graph",
    summary: "draw the model as a diagram (SVG, Graphviz DOT or Mermaid)",
    description,
    operands: { name: "FILE", min: 1, max: 1 },
    flags: {
      output: flag.string("OUT", "the file to write, or - for stdout (short: -o OUT)"),
      format: flag.choice(["auto", ...graphFormats], "auto", "svg, dot or mmd; auto: from the extension of OUT"),
      set: commonFlags.set,
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const file = operands[0];
      const output = flags.output;
      if (output === undefined || output === "") return usageError(io, "missing --output (-o OUT): where to write the diagram");
      const format = flags.format === "auto" ? formatOf(output) : flags.format;
      if (typeof format === "object") return usageError(io, format.problem);

      const color = useColor(flags.color, io.stderr, io.env);
      const report = (diagnostics: readonly Diagnostic[], source?: string): void => {
        if (diagnostics.length === 0) return;
        io.stderr.write(renderDiagnostics(diagnostics, (name) => (name === file ? source : undefined), { color }));
      };

      const read = await readSource(file);
      if ("diagnostic" in read) {
        report([read.diagnostic]);
        return ExitCode.Usage;
      }
      const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
      const { diagnostics, ir } = api.check(read.source, { file, params, readFile: readImportedFile });
      report(sortDiagnostics(diagnostics), read.source);
      if (hasErrors(diagnostics) || ir === undefined) return ExitCode.Failure;

      const text = await renderGraph(ir, format);
      if (output === "-") {
        io.stdout.write(text);
        return ExitCode.Ok;
      }
      const written = await writeFileAtomic(output, text);
      if (!written.ok) {
        io.stderr.write(`nnspec graph: cannot write '${sanitize(output)}': ${sanitize(written.reason)}\n`);
        return ExitCode.Usage;
      }
      return ExitCode.Ok;
    },
  });
  // The shared argument parser knows only long options; `-o` is too customary here to go without.
  return { ...command, run: (argv, io) => command.run(expandShortOutput(argv), io) };
}

/** The format named by OUT's extension, or why there is none. */
function formatOf(output: string): GraphFormat | { problem: string } {
  if (output === "-") return { problem: "writing to stdout (-o -) needs --format svg, dot or mmd" };
  const format = formatFromPath(output);
  if (format !== undefined) return format;
  return { problem: `cannot tell the format of '${output}': use an extension ${knownExtensions()}, or --format` };
}

/** `-o` as `--output`, up to a `--` that ends the options. */
function expandShortOutput(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return argv.map((arg, i) => (arg === "-o" && (end === -1 || i < end) ? "--output" : arg));
}

/** A usage error in the same form as the ones `defineCommand` reports, exit status 2. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(
    `nnspec graph: ${sanitize(message)}\n` + "usage: nnspec graph [options] FILE\n" + "Run 'nnspec graph --help' for more information.\n",
  );
  return ExitCode.Usage;
}
