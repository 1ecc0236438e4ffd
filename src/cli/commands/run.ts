import { stat } from "node:fs/promises";
import { SpecError } from "../../api/build.js";
import type { RunOutput, RunResult, RunTarget } from "../../api/run.js";
import type { TextRun } from "../../api/text-input.js";
import { BackendError } from "../../backend/errors.js";
import { engineChoices } from "../../backend/run/engine-names.js";
import type { GivenInput } from "../../backend/run/given-input.js";
import { diagnostic } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { fileStartSpan } from "../../diagnostics/span.js";
import { DataFileError } from "../../io/data-file-error.js";
import { writeFileAtomic } from "../../io/atomic-file.js";
import { heatmapSvg } from "../../io/heatmap-svg.js";
import { formatTuple } from "../../io/host-tensor.js";
import { outputTarget, writeOutputs } from "../../io/output-files.js";
import { readTensorFile } from "../../io/read-tensor-file.js";
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
import { displayWidth, sanitize } from "../terminal-text.js";
import { backendFlag, parseIntegerFlag } from "./compile.js";
import { positionLabels, readTextFile, renderTokens, textWarnings, type TextsSource } from "./run-texts.js";
import { readImportedFile } from "../import-reader.js";

const description = `
Runs a model once and prints each output's name, shape, dtype, min, max and mean; the backend,
the seed and the time the prediction took go to stderr. FILE_OR_MODEL_DIR is a spec (weights
drawn from --seed) or a directory written by 'nnspec compile' (its weights and, from its
nnspec.json, its IR; --set does not apply).

--executor nnspec runs the model on nnspec's own executor; --executor layers on TensorFlow.js
(a compiled directory is loaded with tf.loadLayersModel), on the --backend asked for. auto (the
default) takes nnspec unless --backend names a TensorFlow.js backend or the executor cannot run
the model (a note says why).

Inputs: --input NAME=PATH for every input, from .npy files (float32, float64 read as float32,
int32, int64 read as int32, bool; little-endian, C order) or .json files (nested arrays).
Without --input, seeded random data: token IDs uniform in [0, input_dim) of the Embedding the
input feeds ([0, 100) when it feeds none), floats uniform in [-1, 1), --batch rows (default 32).
Symbolic or unknown dims other than the batch are 16 then, and a note says so. Given data is
checked before the model runs: its names, shapes and dtypes, and that every token ID is inside
its Embedding's vocabulary.

Texts: --text "…" (repeatable) or --text-file FILE (one text per line) for a model with
exactly one input that has a preprocess { … } block: each text is cleansed, tokenized, looked
up in the input's vocabulary (beside the spec, or the copy a compiled directory holds) and
padded or truncated to the input's length, one row per text. --show-tokens prints each text's
tokens and IDs, unknown ones marked <unk> (on stderr with --format json). A text whose tokens
are all unknown is a warning; an empty text or a missing, invalid or mismatched vocabulary is
an error (NN6021, NN6026-NN6028), as is a model with no such input (NN6029).

--output PATH writes the outputs: PATH.json as {name: nested arrays}; PATH.npy for a model with
one output; any other PATH is a directory (created if missing) of NAME.npy files.

--probe NAME also fetches the tensor a binding of the spec names (the attention weights of
'weights = softmax(product)'; in a compiled directory, a layer applied once), printed after
the outputs; the model then runs on TensorFlow.js. --plot FILE.svg draws the probed tensor's
first batch row as a heatmap of its last two axes (with --text, an axis as long as the text
input labelled with the first text's tokens). NN6051: no such tensor binding; NN6052: not
a single tensor; NN6053: fewer than two axes besides the batch to plot.

--format json prints exactly {"backend", "outputs": [{"name", "shape", "dtype", "min", "max",
"mean"}], "ms"} on stdout (NaN as null; with --probe, "probe" before "ms"), and diagnostics as
a JSON array on stderr.

Exit status: 0 when the model ran, 1 when the spec has errors or the model or its inputs are
wrong (nothing runs then), 2 when the command line is wrong or the spec cannot be read.`;

/** `nnspec run FILE_OR_MODEL_DIR`: one prediction, with statistics of each output. */
export function createRunCommand(): Command {
  return defineCommand({
    name: "run",
    summary: "run a spec or a compiled model once on given or random inputs",
    description,
    operands: { name: "FILE_OR_MODEL_DIR", min: 1, max: 1 },
    flags: {
      input: flag.pairs("NAME=PATH", "data for an input, from a .npy or .json file (repeatable)"),
      text: flag.list("TEXT", "a raw text for the model's text input, one row each (repeatable)"),
      "text-file": flag.string("FILE", "raw texts for the model's text input, one per line"),
      "show-tokens": flag.boolean("print each text's tokens and their IDs"),
      batch: flag.string("N", "rows of random input data (default 32)"),
      seed: flag.string("N", "seed of a spec's weights and of random inputs (default: random, printed)"),
      output: flag.string("PATH", "write the outputs to PATH.json, PATH.npy or a directory of NAME.npy"),
      probe: flag.string("NAME", "also fetch the tensor binding NAME (runs on TensorFlow.js)"),
      plot: flag.string("FILE.svg", "draw the probed tensor's first row as a heatmap (needs --probe)"),
      backend: backendFlag,
      executor: flag.choice(engineChoices, "auto", "nnspec (nnspec's executor) or layers (TensorFlow.js); auto: see above"),
      set: commonFlags.set,
      format: commonFlags.format,
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const target = operands[0]!;
      const batch = parseIntegerFlag(flags.batch, "batch", 1);
      if (typeof batch === "object") return usageError(io, batch.problem);
      const seed = parseIntegerFlag(flags.seed, "seed", 0);
      if (typeof seed === "object") return usageError(io, seed.problem);
      const textFile = flags["text-file"];
      const hasTexts = flags.text.length > 0 || textFile !== undefined;
      if (flags.text.length > 0 && textFile !== undefined) return usageError(io, "give --text or --text-file, not both");
      if (hasTexts && Object.keys(flags.input).length > 0) return usageError(io, "give texts or --input data, not both");
      if (flags["show-tokens"] && !hasTexts) return usageError(io, "--show-tokens needs --text or --text-file");
      if (flags.plot !== undefined && flags.probe === undefined) return usageError(io, "--plot needs --probe");

      const json = flags.format === "json";
      const color = useColor(flags.color, io.stderr, io.env);
      let source: string | undefined;
      /** Diagnostics on stderr; `quoting` false for runtime errors, which have no place in the source to show. */
      const report = (diagnostics: readonly Diagnostic[], quoting = true, imported?: ReadonlyMap<string, string>): void => {
        if (diagnostics.length === 0) return;
        const sources = (name: string) => (!quoting ? undefined : name === target ? source : imported?.get(name));
        io.stderr.write(json ? renderJsonDiagnostics(diagnostics) : renderDiagnostics(diagnostics, sources, { color }));
      };

      let runTarget: RunTarget;
      const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
      if ((await stat(target).catch(() => undefined))?.isDirectory()) {
        if (params) return usageError(io, "--set applies to spec files; a compiled model's parameters are fixed");
        runTarget = { directory: target };
      } else {
        const read = await readSource(target);
        if ("diagnostic" in read) {
          report([read.diagnostic]);
          return ExitCode.Usage;
        }
        source = read.source;
        runTarget = read.source;
      }
      let texts: TextsSource | undefined = flags.text.length > 0 ? { texts: flags.text } : undefined;
      if (textFile !== undefined) {
        const read = await readTextFile(textFile);
        if ("diagnostic" in read) {
          report([read.diagnostic], false);
          return ExitCode.Usage;
        }
        texts = read;
      }

      try {
        const inputs = await readInputs(flags.input);
        const { prepareRun } = await import("../../api/run.js");
        const options = { file: target, params, readFile: readImportedFile, inputs, texts: texts?.texts, batch, seed, backend: flags.backend, engine: flags.executor, probe: flags.probe };
        const prepared = await prepareRun(runTarget, options);
        report(sortDiagnostics(prepared.diagnostics));
        if (prepared.text !== undefined && texts !== undefined) {
          report(textWarnings(prepared.text, texts, target), false);
          if (flags["show-tokens"]) (json ? io.stderr : io.stdout).write(renderTokens(prepared.text));
        }
        const outputNames = prepared.ir.outputs.map((output) => output.name);
        const destination = flags.output === undefined ? undefined : await outputTarget(flags.output, outputNames);
        if (destination !== undefined && "problem" in destination) {
          report([diagnostic("OutputWriteError", `cannot write the outputs: ${destination.problem}`, fileStartSpan(flags.output!))]);
          return ExitCode.Failure;
        }

        if (flags.plot !== undefined && prepared.probe !== undefined && prepared.probe.tensor.shape.length < 3) {
          const { name, tensor } = prepared.probe;
          const message = `cannot plot '${name}': a heatmap needs 2 axes besides the batch, and its shape is ${formatTuple(tensor.shape)}`;
          report([diagnostic("ProbeRankTooLow", message, fileStartSpan(target))]);
          return ExitCode.Failure;
        }

        const result = await prepared.execute();
        io.stdout.write(json ? `${JSON.stringify(jsonResult(result))}\n` : outputTable(result));
        io.stderr.write(json ? notes(result) : runNotes(result, typeof runTarget === "string"));
        if (destination !== undefined) {
          const written = await writeOutputs(destination, result.outputs);
          if (!written.ok) {
            const message = `cannot write '${destination.path}': ${written.reason}`;
            report([diagnostic("OutputWriteError", message, fileStartSpan(destination.path))]);
            return ExitCode.Failure;
          }
          if (!json) io.stderr.write(`wrote ${sanitize(destination.path)}\n`);
        }
        if (flags.plot !== undefined && result.probe !== undefined) {
          const svg = heatmapSvg(result.probe, { title: `${result.probe.name} ${formatTuple(result.probe.shape)}, batch row 0`, ...tokenAxes(result.probe.shape, prepared.text) });
          const written = await writeFileAtomic(flags.plot, svg);
          if (!written.ok) {
            report([diagnostic("OutputWriteError", `cannot write '${flags.plot}': ${written.reason}`, fileStartSpan(flags.plot))]);
            return ExitCode.Failure;
          }
          if (!json) io.stderr.write(`wrote ${sanitize(flags.plot)}\n`);
        }
        return ExitCode.Ok;
      } catch (error) {
        // SpecError: the spec's errors; BackendError: a runtime failure with its code; anything else is a bug for main.
        if (error instanceof SpecError) {
          report(sortDiagnostics(error.diagnostics), true, error.sources);
          return ExitCode.Failure;
        }
        if (!(error instanceof BackendError) || error.code === "InternalError") throw error;
        report([error.toDiagnostic(target)], false);
        return ExitCode.Failure;
      }
    },
  });
}

/** Reads the --input files; an unreadable or malformed one is BackendError InputFileError (NN6002). */
async function readInputs(paths: Readonly<Record<string, string>>): Promise<Record<string, GivenInput> | undefined> {
  const entries = Object.entries(paths);
  if (entries.length === 0) return undefined;
  const inputs: Record<string, GivenInput> = {};
  for (const [name, path] of entries) {
    try {
      inputs[name] = { ...(await readTensorFile(path)), origin: path };
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      throw new BackendError("InputFileError", `input '${name}': ${error.message}`, { file: path });
    }
  }
  return inputs;
}

/**
 * With --text, the heatmap's axes as long as the text input are labelled with the first text's
 * tokens (an attention over the text's steps shows which word each row and column is).
 */
function tokenAxes(shape: readonly number[], text: TextRun | undefined): { rowLabels?: string[]; columnLabels?: string[] } {
  if (text === undefined) return {};
  const labels = positionLabels(text, 0);
  const fits = (axis: number) => shape[shape.length + axis] === labels.length;
  return { ...(fits(-2) ? { rowLabels: labels } : {}), ...(fits(-1) ? { columnLabels: labels } : {}) };
}

/** The `--format json` object, exactly these fields (`probe` only with --probe). */
function jsonResult(result: RunResult): { backend: string; outputs: object[]; probe?: object; ms: number } {
  const summary = ({ name, shape, dtype, min, max, mean }: RunOutput) => ({ name, shape, dtype, min, max, mean });
  const probe = result.probe && { probe: summary(result.probe) };
  return { backend: result.backend, outputs: result.outputs.map(summary), ...probe, ms: Math.round(result.ms * 1000) / 1000 };
}

/** One row per output: name, shape, dtype, min, max, mean, in aligned columns. */
function outputTable(result: RunResult): string {
  const rows = [
    ["output", "shape", "dtype", "min", "max", "mean"],
    ...[...result.outputs, ...(result.probe ? [result.probe] : [])].map((o) => [
      sanitize(o === result.probe ? `${o.name} (probe)` : o.name),
      formatTuple(o.shape),
      o.dtype,
      ...[o.min, o.max, o.mean].map(formatValue),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
  const pad = (cell: string, column: number): string => cell + " ".repeat(widths[column]! - displayWidth(cell));
  const line = (row: string[]): string => row.map(pad).join("  ").trimEnd();
  return `${rows.map(line).join("\n")}\n`;
}

/** What a person should know besides the numbers, for stderr. */
function runNotes(result: RunResult, fromSpec: boolean): string {
  let text = `backend: ${result.backend}\n`;
  if (result.inputs.random) {
    text += `random inputs (seed ${result.seed}):\n${result.inputs.descriptions.map((d) => `  ${sanitize(d)}\n`).join("")}`;
  } else if (fromSpec) {
    text += `seed: ${result.seed}\n`;
  }
  return `${text}${notes(result)}time: ${result.ms.toFixed(1)} ms\n`;
}

/** Sizes chosen by default, why an engine was not used: also worth seeing next to JSON output. */
function notes(result: RunResult): string {
  return result.notes.map((note) => `note: ${sanitize(note)}\n`).join("");
}

/** Six significant digits, without trailing zeros: -0.0499862, 1, 3.5e-7. */
function formatValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

/** A usage error in the same form as the ones `defineCommand` reports, exit status 2. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(
    `nnspec run: ${sanitize(message)}\n` +
      "usage: nnspec run [options] FILE_OR_MODEL_DIR\n" +
      "Run 'nnspec run --help' for more information.\n",
  );
  return ExitCode.Usage;
}
