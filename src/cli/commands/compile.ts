import { check } from "../../api/check.js";
import { summaryFromIR } from "../../api/summary.js";
import { backendChoices } from "../../backend/backend-choices.js";
import { BackendError } from "../../backend/errors.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { readSource } from "../read-source.js";
import { renderDiagnostics } from "../render.js";
import { renderJsonDiagnostics } from "../render-json.js";
import { renderSummary } from "../render-summary.js";
import { sanitize } from "../terminal-text.js";
import { readImportedFile } from "../import-reader.js";

const description = `
Builds a spec on TensorFlow.js with seeded initial weights and writes it to the directory DIR:
model.json and group1-shard1of1.bin in TensorFlow.js's Layers format (written by tfjs's own
model.save, so plain tf.loadLayersModel reads them), and nnspec.json with the IR, the spec's
file name and SHA-256, the seed, the nnspec version and the backend used. Prints the model's
summary on stdout and the backend on stderr.

Each input with a preprocess { … } block gets a copy of its vocabulary, <input>.vocab.json,
checked against the spec's settings, so 'nnspec run DIR --text' needs nothing else; a missing
vocabulary is an error (build it with 'nnspec vocab build').

The directory appears whole or not at all: the files are written to a temporary directory
beside DIR, which then takes DIR's place. An existing DIR is replaced when nnspec wrote it (it
has nnspec.json) or it is empty; any other needs --force. A directory holding the spec file
is never replaced.

--emit ir -o FILE writes the IR alone as JSON (validated against schemas/ir.schema.json), also
atomically; --seed, --backend and --force do not apply to it.

--format json prints {emit, output, files, backend, seed, summary} (emit "model") or
{emit, output, summary} (emit "ir") on stdout, and diagnostics as a JSON array on stderr.

Exit status: 0 when the output was written, 1 when the spec has errors or the output cannot be
written or built (nothing is written then), 2 when the command line is wrong or the spec
cannot be read.`;

/** A non-negative integer flag such as --seed; the problem in words when the value is not one. */
export function parseIntegerFlag(value: string | undefined, name: string, min: number): number | undefined | { problem: string } {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min) {
    return { problem: `invalid value '${value}' for '--${name}': expected an integer of at least ${min}` };
  }
  return number;
}

/** The --backend flag, shared by the commands that run TensorFlow.js. */
export const backendFlag = flag.choice(
  backendChoices,
  "auto",
  "TensorFlow.js backend: auto takes tensorflow (native), else wasm, else cpu",
);

/** `nnspec compile FILE -o DIR`: the model in TensorFlow.js's Layers format, plus nnspec.json. */
export function createCompileCommand(): Command {
  const command = defineCommand({
    name: "compile",
    summary: "build a spec and write it as a TensorFlow.js Layers model (model.json + weights)",
    description,
    operands: { name: "FILE", min: 1, max: 1 },
    flags: {
      output: flag.string("DIR", "the directory to write (short: -o DIR); with --emit ir, the IR file"),
      emit: flag.choice(["model", "ir"], "model", "write the model directory, or the IR alone as JSON"),
      seed: flag.string("N", "seed of the initial weights (default: random, recorded in nnspec.json)"),
      backend: backendFlag,
      force: flag.boolean("replace DIR even when nnspec did not write it"),
      set: commonFlags.set,
      format: commonFlags.format,
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const file = operands[0]!;
      const output = flags.output;
      if (output === undefined || output === "") return usageError(io, "missing --output (-o DIR): where to write the model");
      const seed = parseIntegerFlag(flags.seed, "seed", 0);
      if (typeof seed === "object") return usageError(io, seed.problem);

      const json = flags.format === "json";
      const color = useColor(flags.color, io.stderr, io.env);
      const report = (diagnostics: readonly Diagnostic[], source?: string, imported?: ReadonlyMap<string, string>): void => {
        if (diagnostics.length === 0) return;
        const sources = (name: string) => (name === file ? source : imported?.get(name));
        io.stderr.write(json ? renderJsonDiagnostics(diagnostics) : renderDiagnostics(diagnostics, sources, { color }));
      };

      const read = await readSource(file);
      if ("diagnostic" in read) {
        report([read.diagnostic]);
        return ExitCode.Usage;
      }
      const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
      const { diagnostics, ir, sources } = check(read.source, { file, params, readFile: readImportedFile });
      report(sortDiagnostics(diagnostics), read.source, sources);
      if (hasErrors(diagnostics) || ir === undefined) return ExitCode.Failure;
      const summary = summaryFromIR(ir);

      try {
        const { compileToDirectory, emitIR } = await import("../../api/compile.js");
        if (flags.emit === "ir") {
          await emitIR(ir, output);
          if (json) io.stdout.write(`${JSON.stringify({ emit: "ir", output, summary }, null, 2)}\n`);
          else io.stderr.write(`wrote ${sanitize(output)}\n`);
          return ExitCode.Ok;
        }
        const result = await compileToDirectory(ir, output, { seed, backend: flags.backend, force: flags.force });
        if (json) {
          const { files, backend } = result;
          io.stdout.write(`${JSON.stringify({ emit: "model", output, files, backend, seed: result.seed, summary }, null, 2)}\n`);
        } else {
          io.stdout.write(renderSummary(summary, { ascii: false }));
          io.stderr.write(`backend: ${result.backend}\n`);
          io.stderr.write(`wrote ${sanitize(output)}: ${result.files.join(", ")} (seed ${result.seed})\n`);
        }
        return ExitCode.Ok;
      } catch (error) {
        // Internal errors are bugs: main reports them as such.
        if (!(error instanceof BackendError) || error.code === "InternalError") throw error;
        // Without the source: a runtime error has no place in it to show.
        report([error.toDiagnostic(file)]);
        return ExitCode.Failure;
      }
    },
  });
  // The shared argument parser knows only long options; `-o` is too customary here to go without.
  return { ...command, run: (argv, io) => command.run(expandShortOutput(argv), io) };
}

/** `-o` as `--output`, up to a `--` that ends the options. */
function expandShortOutput(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return argv.map((arg, i) => (arg === "-o" && (end === -1 || i < end) ? "--output" : arg));
}

/** A usage error in the same form as the ones `defineCommand` reports, exit status 2. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(
    `nnspec compile: ${sanitize(message)}\n` +
      "usage: nnspec compile [options] FILE\n" +
      "Run 'nnspec compile --help' for more information.\n",
  );
  return ExitCode.Usage;
}
