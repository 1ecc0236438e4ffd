import { check } from "../../api/check.js";
import { BackendError } from "../../backend/errors.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.js";
import type { TrainingConfig } from "../../ir/pipeline-types.js";
import { defaultTrainingConfig } from "../../ir/settings/training-defaults.js";
import { createProgressReporter, resultLines } from "../../train/progress-reporter.js";
import { trainSettingSpans } from "../../train/setting-spans.js";
import type { TrainEvent } from "../../train/train-types.js";
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
import { sanitize } from "../terminal-text.js";
import { backendFlag, parseIntegerFlag } from "./compile.js";
import { readImportedFile } from "../import-reader.js";

/** Exit status of a run stopped by Ctrl-C (128 + SIGINT), after it saved what it had. */
const INTERRUPTED = 130;

/** Where Ctrl-C comes from: the process's SIGINT, or a test's trigger. Returns the unsubscribe function. */
export type InterruptSource = (onInterrupt: () => void) => () => void;

const processInterrupts: InterruptSource = (onInterrupt) => {
  // The first Ctrl-C stops after the current batch; the handler is then removed, so a second
  // one ends the process at once (the run directory is replaced atomically, never half written).
  process.once("SIGINT", onInterrupt);
  return () => process.removeListener("SIGINT", onInterrupt);
};

const description = `
Trains the model of SPEC on the examples in --data (JSON lines or CSV with a header; see
docs/training.md for the columns) as the spec's train { … } block says, with Keras's defaults
for what it leaves out, and writes the run to the directory DIR after every epoch:

  DIR/model.json, DIR/group1-shard1of1.bin, DIR/nnspec.json   the best model (as nnspec compile lays it out)
  DIR/last/                                                  the latest weights and the state to resume from
  DIR/history.json, DIR/curves.svg                           every epoch's values, and their curves

DIR is replaced as a whole each time: it is the previous snapshot or the new one, never a mix.
An existing DIR is replaced only when nnspec wrote it (it has nnspec.json) or it is empty.

--epochs and --batch-size override the spec. --val FILE validates on FILE instead of
validation_split. --seed seeds the initial weights, the shuffling and dropout: the same seed,
data and backend give the same weights (random when absent, and reported).

Ctrl-C stops after the current batch and saves the run; --resume DIR continues it from
DIR/last (weights, optimizer state, epoch and batch, history), writing to -o DIR or, without
-o, back to DIR.

Progress goes to stderr: a bar per epoch on a terminal, one line per epoch otherwise. The best
epoch is printed on stdout at the end. --format json prints one JSON event per line on stdout
instead ({"type": "start" | "batch" | "epoch" | "learning_rate" | "early_stop" | "saved" |
"interrupted" | "end", …}; batch events at most every half second) and diagnostics as JSON on
stderr.

Exit status: 0 when training finished, 1 when the spec, the data or the settings have errors
(nothing is trained then), 2 when the command line is wrong or the spec cannot be read, 130
when stopped by Ctrl-C (after saving).`;

/** JSON batch events at most this often: a progress signal, not a log of every step. */
const JSON_BATCH_INTERVAL_MS = 500;

/** `nnspec train SPEC --data FILE -o DIR`: fits the model and writes the run. */
export function createTrainCommand(interrupts: InterruptSource = processInterrupts): Command {
  const command = defineCommand({
    name: "train",
    summary: "train the model on data files and write the best and last models",
    description,
    operands: { name: "SPEC", min: 1, max: 1 },
    flags: {
      data: flag.string("FILE", "training examples: JSON lines (.jsonl) or CSV with a header row"),
      val: flag.string("FILE", "validation examples (instead of the spec's validation_split)"),
      output: flag.string("DIR", "the run directory to write (short: -o DIR)"),
      epochs: flag.string("N", "number of epochs (overrides the spec)"),
      "batch-size": flag.string("N", "examples per batch (overrides the spec)"),
      seed: flag.string("N", "seed of the weights, shuffling and dropout (default: random, reported)"),
      backend: backendFlag,
      resume: flag.string("DIR", "continue the run saved in DIR"),
      set: commonFlags.set,
      format: commonFlags.format,
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const file = operands[0]!;
      const output = flags.output ?? flags.resume;
      if (flags.data === undefined || flags.data === "") return usageError(io, "missing --data FILE: the training examples");
      if (output === undefined || output === "") return usageError(io, "missing --output (-o DIR): where to write the run");
      const numbers = {
        epochs: parseIntegerFlag(flags.epochs, "epochs", 1),
        batchSize: parseIntegerFlag(flags["batch-size"], "batch-size", 1),
        seed: parseIntegerFlag(flags.seed, "seed", 0),
      };
      for (const value of Object.values(numbers)) if (typeof value === "object") return usageError(io, value.problem);
      const { epochs, batchSize, seed } = numbers as { [K in keyof typeof numbers]: number | undefined };

      const json = flags.format === "json";
      const color = useColor(flags.color, io.stderr, io.env);
      const read = await readSource(file);
      const report = (diagnostics: readonly Diagnostic[], imported?: ReadonlyMap<string, string>): void => {
        if (diagnostics.length === 0) return;
        const source = "source" in read ? read.source : undefined;
        const sources = (name: string) => (name === file ? source : imported?.get(name));
        io.stderr.write(json ? renderJsonDiagnostics(diagnostics) : renderDiagnostics(diagnostics, sources, { color }));
      };
      if ("diagnostic" in read) {
        report([read.diagnostic]);
        return ExitCode.Usage;
      }
      const params = Object.keys(flags.set).length > 0 ? flags.set : undefined;
      const checked = check(read.source, { file, params, readFile: readImportedFile });
      report(sortDiagnostics(checked.diagnostics), checked.sources);
      if (hasErrors(checked.diagnostics) || checked.ir === undefined) return ExitCode.Failure;
      const ir = checked.ir;

      const config: TrainingConfig = { ...(ir.training ?? defaultTrainingConfig()) };
      if (epochs !== undefined) config.epochs = epochs;
      if (batchSize !== undefined) config.batch_size = batchSize;

      const controller = new AbortController();
      const unsubscribe = interrupts(() => {
        controller.abort();
        if (!json) io.stderr.write("\nstopping after this batch to save the run (Ctrl-C again quits at once)\n");
      });
      const onEvent = json ? jsonEvents(io) : textEvents(io);
      try {
        const { train, TrainError } = await import("../../train/index.js");
        try {
          const result = await train(
            ir,
            { train: flags.data, ...(flags.val !== undefined ? { validation: flags.val } : {}) },
            config,
            {
              ...(seed !== undefined ? { seed } : {}),
              backend: flags.backend,
              outDir: output,
              ...(flags.resume !== undefined ? { resume: flags.resume } : {}),
              signal: controller.signal,
              onEvent,
              settingSpans: trainSettingSpans(checked.program),
            },
          );
          result.model.dispose();
          if (!json) {
            const keys = Object.keys(result.history[0]?.logs ?? {}).filter((key) => !key.startsWith("val_"));
            for (const text of resultLines(result, keys)) io.stdout.write(`${sanitize(text)}\n`);
            io.stdout.write(`wrote ${sanitize(output)}\n`);
          }
          return result.interrupted ? INTERRUPTED : ExitCode.Ok;
        } catch (error) {
          if (error instanceof TrainError) {
            report(sortDiagnostics(error.diagnostics));
            return ExitCode.Failure;
          }
          // Internal errors are bugs: main reports them as such.
          if (!(error instanceof BackendError) || error.code === "InternalError") throw error;
          report([error.toDiagnostic(file)]);
          return ExitCode.Failure;
        }
      } finally {
        unsubscribe();
      }
    },
  });
  // The shared argument parser knows only long options; `-o` is too customary here to go without.
  return { ...command, run: (argv, io) => command.run(expandShortOutput(argv), io) };
}

/** One JSON object per line on stdout; batch events thinned out to a few per second. */
function jsonEvents(io: CliIO): (event: TrainEvent) => void {
  let lastBatch = -Infinity;
  return (event) => {
    if (event.type === "batch") {
      const now = performance.now();
      if (event.batch !== event.batches && now - lastBatch < JSON_BATCH_INTERVAL_MS) return;
      lastBatch = now;
    }
    io.stdout.write(`${JSON.stringify(event)}\n`);
  };
}

/** Progress for people on stderr. */
function textEvents(io: CliIO): (event: TrainEvent) => void {
  const columns = Number(io.env.COLUMNS) || 100;
  return createProgressReporter({ write: (text) => io.stderr.write(text), tty: io.stderr.isTTY, columns });
}

/** `-o` as `--output`, up to a `--` that ends the options. */
function expandShortOutput(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return argv.map((arg, i) => (arg === "-o" && (end === -1 || i < end) ? "--output" : arg));
}

/** A usage error in the same form as the ones `defineCommand` reports, exit status 2. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(
    `nnspec train: ${sanitize(message)}\n` + "usage: nnspec train [options] SPEC\n" + "Run 'nnspec train --help' for more information.\n",
  );
  return ExitCode.Usage;
}
