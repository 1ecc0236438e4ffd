import type { CheckOptions } from "../../api/check.js";
import { codes } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { hasErrors, sortDiagnostics } from "../../diagnostics/diagnostic.js";
import { fileStartSpan } from "../../diagnostics/span.js";
import { writeFileAtomic } from "../../io/atomic-file.js";
import type { PreprocessConfig } from "../../ir/pipeline-types.js";
import type { ModelIR } from "../../ir/types.js";
import { buildVocabulary, type VocabularyLimits, type VocabularyProgress } from "../../text/build-vocabulary.js";
import { openCorpus, type CorpusProgress } from "../../text/corpus-reader.js";
import { TextError } from "../../text/text-error.js";
import { defaultReservedTokens, defaultTextSettings, type TextSettings, type VocabularySettings } from "../../text/text-settings.js";
import { vocabularyPath } from "../../text/vocabulary-path.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIO, OutputStream } from "../io.js";
import { readSource } from "../read-source.js";
import { renderDiagnostics } from "../render.js";
import { didYouMean } from "../suggest.js";
import { sanitize } from "../terminal-text.js";
import { readImportedFile } from "../import-reader.js";

/** What `nnspec vocab build --spec` needs from the API; a parameter so tests can supply exact results. */
export interface VocabDependencies {
  check(source: string, options?: CheckOptions): { diagnostics: Diagnostic[]; ir?: ModelIR };
}

const subcommands = ["build"] as const;

const vocabHelp = `usage: nnspec vocab build [options] CORPUS...

Builds the vocabulary a spec's 'preprocess { … }' block names: the token IDs of a text input.

Commands:
  build   count the tokens of text files and write a vocabulary JSON file

Run 'nnspec vocab build --help' for its options.
`;

const buildDescription = `
Reads each CORPUS file line by line (one text per line, any size: the files are streamed),
splits every line into tokens the way the spec's preprocess block says, and writes the most
frequent tokens as a vocabulary JSON file: token i has ID i. IDs are by count, highest
first; equal counts keep the order of first appearance in the corpus. pad_id and unk_id (0
and 1 by default) are reserved for "<pad>" and "<unk>"; --max-size counts them, like Keras's
num_words. Tokens seen fewer than --min-freq times are left out: they become "<unk>".

--spec FILE takes the text settings (normalize, lowercase, strip, tokenize, language) and
the limits (max_size, min_freq) from FILE's preprocess block; --input NAME picks the input
when several have one. Without -o, the file is written where the block's 'vocabulary = …'
points (relative to the spec). --max-size and --min-freq override the spec's limits.
Without --spec, the settings come from --normalize, --lowercase, --strip, --tokenize and
--language (defaults: nfkc, true, punctuation, words, und), and -o is required.

On a terminal, progress is shown on stderr; otherwise nothing is printed unless something is
wrong. The output is replaced atomically: it is either the old file or the whole new one.

Exit status: 0 when the vocabulary was written, 1 when the spec has errors or the corpus
gives no tokens, 2 when the command line is wrong, a file cannot be read or the output cannot
be written.`;

/** `nnspec vocab build CORPUS… -o vocab.json`: a vocabulary file from text files. */
export function createVocabCommand(api: VocabDependencies): Command {
  const build = createBuildCommand(api);
  return {
    name: "vocab",
    summary: "build a text input's vocabulary from corpus files (nnspec vocab build)",
    async run(argv, io) {
      const [subcommand, ...rest] = argv;
      if (subcommand === "build") return build.run(expandShortOutput(rest), io);
      if (subcommand === "--help" || subcommand === "-h") {
        io.stdout.write(vocabHelp);
        return ExitCode.Ok;
      }
      const problem =
        subcommand === undefined ? "missing command" : `unknown command '${subcommand}'${didYouMean(subcommand, subcommands)}`;
      io.stderr.write(`nnspec vocab: ${sanitize(problem)}\n${vocabHelp}`);
      return ExitCode.Usage;
    },
  };
}

function createBuildCommand(api: VocabDependencies): Command {
  return defineCommand({
    name: "vocab build",
    summary: "count the tokens of text files and write a vocabulary JSON file",
    description: buildDescription,
    operands: { name: "CORPUS", min: 1 },
    flags: {
      output: flag.string("OUT", "the vocabulary file to write (short: -o OUT)"),
      spec: flag.string("FILE", "take the settings from this spec's preprocess block"),
      input: flag.string("NAME", "the spec input whose preprocess block to use"),
      "max-size": flag.string("N|none", "at most N IDs, the two reserved ones included"),
      "min-freq": flag.string("K", "leave out tokens seen fewer than K times (default: 1)"),
      normalize: flag.string("FORM", "without --spec: nfkc, nfc, nfkd, nfd or none"),
      lowercase: flag.string("true|false", "without --spec: lowercase the text"),
      strip: flag.string("WHAT", "without --spec: punctuation, none or regex:PATTERN"),
      tokenize: flag.string("HOW", "without --spec: whitespace, words, characters or regex:PATTERN"),
      language: flag.string("TAG", "without --spec: BCP 47 language for word segmentation, e.g. ja"),
      set: commonFlags.set,
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const color = useColor(flags.color, io.stderr, io.env);

      const textFlags = { normalize: flags.normalize, lowercase: flags.lowercase, strip: flags.strip, tokenize: flags.tokenize, language: flags.language };
      let origin: SettingsOrigin;
      if (flags.spec !== undefined) {
        const given = Object.entries(textFlags).find(([, value]) => value !== undefined);
        if (given !== undefined) return usageError(io, `--${given[0]} cannot be combined with --spec: the spec's preprocess block decides it`);
        const fromSpec = await settingsFromSpec(api, flags.spec, flags.input, flags.set, color);
        if ("exitCode" in fromSpec) return report(io, fromSpec);
        origin = fromSpec;
      } else {
        if (flags.input !== undefined) return usageError(io, "--input needs --spec");
        if (Object.keys(flags.set).length > 0) return usageError(io, "--set needs --spec");
        const settings = settingsFromFlags(textFlags);
        if (typeof settings === "string") return usageError(io, settings);
        origin = { settings, limits: { maxSize: null, minFreq: 1 } };
      }
      const limits = limitsFromFlags(flags["max-size"], flags["min-freq"], origin.limits);
      if (typeof limits === "string") return usageError(io, limits);
      const output = flags.output ?? origin.output;
      if (output === undefined || output === "") return usageError(io, "missing --output (-o OUT): where to write the vocabulary");

      const progress = io.stderr.isTTY ? new ProgressLine(io.stderr) : undefined;
      let counted: VocabularyProgress | undefined;
      try {
        const corpus = await openCorpus(operands);
        const vocabulary = await buildVocabulary(
          corpus.lines((read) => progress?.update(read, counted)),
          origin.settings,
          limits,
          (count) => {
            counted = count;
          },
        );
        const written = await writeFileAtomic(output, `${JSON.stringify(vocabulary, null, 2)}\n`);
        progress?.clear();
        if (!written.ok) return report(io, { exitCode: ExitCode.Usage, text: `nnspec vocab build: cannot write '${sanitize(output)}': ${sanitize(written.reason)}\n` });
        if (progress !== undefined && counted !== undefined) io.stderr.write(`${summaryLine(output, vocabulary.tokens.length, counted)}\n`);
        return ExitCode.Ok;
      } catch (error) {
        progress?.clear();
        if (!(error instanceof TextError)) throw error;
        return report(io, textFailure(error, exitCodeOf(error, origin), color));
      }
    },
  });
}

/** Why a run stops: its exit status and what to print on stderr. */
interface Failure {
  exitCode: number;
  text: string;
}

/** The settings to build with, their limits, and where the spec wants the file. */
interface SettingsOrigin {
  settings: VocabularySettings;
  limits: VocabularyLimits;
  output?: string;
  fromSpec?: boolean;
}

async function settingsFromSpec(
  api: VocabDependencies,
  file: string,
  inputName: string | undefined,
  params: Record<string, string>,
  color: boolean,
): Promise<SettingsOrigin | Failure> {
  const read = await readSource(file);
  if ("diagnostic" in read) return { exitCode: ExitCode.Usage, text: renderDiagnostics([read.diagnostic], () => undefined, { color }) };
  const { diagnostics, ir } = api.check(read.source, { file, params: Object.keys(params).length > 0 ? params : undefined, readFile: readImportedFile });
  if (hasErrors(diagnostics) || ir === undefined) {
    const text = renderDiagnostics(sortDiagnostics(diagnostics), (name) => (name === file ? read.source : undefined), { color });
    return { exitCode: ExitCode.Failure, text };
  }
  const usage = (message: string): Failure => ({ exitCode: ExitCode.Usage, text: `nnspec vocab build: ${sanitize(message)}\n` });
  const preprocessed = ir.inputs.flatMap(({ name, preprocess }) => (preprocess === undefined ? [] : [{ name, config: preprocess }]));
  let config: PreprocessConfig;
  if (inputName !== undefined) {
    const names = ir.inputs.map((i) => i.name);
    if (!names.includes(inputName)) return usage(`'${file}' has no input '${inputName}'${didYouMean(inputName, names)} (inputs: ${names.join(", ")})`);
    const chosen = preprocessed.find((p) => p.name === inputName);
    if (chosen === undefined) return usage(`input '${inputName}' of '${file}' has no preprocess block`);
    config = chosen.config;
  } else if (preprocessed.length === 1) {
    config = preprocessed[0].config;
  } else if (preprocessed.length === 0) {
    return usage(`'${file}' declares no input with a preprocess block, so it has no vocabulary to build`);
  } else {
    return usage(`'${file}' has several inputs with a preprocess block (${preprocessed.map((p) => p.name).join(", ")}): choose one with --input`);
  }
  const { max_size, min_freq } = config.vocabulary;
  return { settings: config, limits: { maxSize: max_size, minFreq: min_freq }, output: vocabularyPath(file, config), fromSpec: true };
}

const normalForms = ["nfkc", "nfc", "nfkd", "nfd", "none"] as const;
const tokenizers = ["whitespace", "words", "characters"] as const;

/** The text settings of the flags over the defaults, or what is wrong with a flag. */
function settingsFromFlags(flags: Record<keyof TextSettings, string | undefined>): VocabularySettings | string {
  const settings: VocabularySettings = { ...defaultTextSettings, ...defaultReservedTokens };
  const invalid = (name: string, value: string, expected: readonly string[]): string =>
    `invalid value '${value}' for '--${name}': expected one of ${expected.join(", ")}${didYouMean(value, expected)}`;
  if (flags.normalize !== undefined) {
    const form = normalForms.find((f) => f === flags.normalize);
    if (form === undefined) return invalid("normalize", flags.normalize, normalForms);
    settings.normalize = form === "none" ? null : form;
  }
  if (flags.lowercase !== undefined) {
    if (flags.lowercase !== "true" && flags.lowercase !== "false") return invalid("lowercase", flags.lowercase, ["true", "false"]);
    settings.lowercase = flags.lowercase === "true";
  }
  if (flags.strip !== undefined) {
    const regex = regexValue(flags.strip);
    if (regex !== undefined) settings.strip = { regex };
    else if (flags.strip === "punctuation" || flags.strip === "none") settings.strip = flags.strip === "none" ? null : "punctuation";
    else return invalid("strip", flags.strip, ["punctuation", "none", "regex:PATTERN"]);
  }
  if (flags.tokenize !== undefined) {
    const regex = regexValue(flags.tokenize);
    const named = tokenizers.find((t) => t === flags.tokenize);
    if (regex !== undefined) settings.tokenize = { regex };
    else if (named !== undefined) settings.tokenize = named;
    else return invalid("tokenize", flags.tokenize, [...tokenizers, "regex:PATTERN"]);
  }
  if (flags.language !== undefined) settings.language = flags.language;
  return settings;
}

function regexValue(value: string): string | undefined {
  return value.startsWith("regex:") ? value.slice("regex:".length) : undefined;
}

/** --max-size and --min-freq over the spec's limits, or what is wrong with them. */
function limitsFromFlags(maxSize: string | undefined, minFreq: string | undefined, base: VocabularyLimits): VocabularyLimits | string {
  const limits = { ...base };
  if (maxSize !== undefined) {
    if (maxSize === "none") limits.maxSize = null;
    else if (/^\d+$/.test(maxSize) && Number(maxSize) >= 3) limits.maxSize = Number(maxSize);
    else return `invalid value '${maxSize}' for '--max-size': expected an integer of at least 3 (two reserved IDs and a token), or none`;
  }
  if (minFreq !== undefined) {
    if (/^\d+$/.test(minFreq) && Number(minFreq) >= 1) limits.minFreq = Number(minFreq);
    else return `invalid value '${minFreq}' for '--min-freq': expected a positive integer`;
  }
  return limits;
}

/** Settings from the spec are the spec's errors (1); from flags, the command line's (2). Empty corpora are data errors (1). */
function exitCodeOf(error: TextError, origin: SettingsOrigin): number {
  if (error.codeName === "CorpusFileError") return ExitCode.Usage;
  if (error.codeName === "InvalidTextSetting") return origin.fromSpec === true ? ExitCode.Failure : ExitCode.Usage;
  return ExitCode.Failure;
}

/** A TextError as a diagnostic at its file (and line); one of no file is a plain line. */
function textFailure(error: TextError, exitCode: number, color: boolean): Failure {
  const { file, line } = error.location;
  const severity = codes[error.codeName].severity;
  if (file === undefined) return { exitCode, text: `nnspec vocab build: ${severity} ${error.code}: ${sanitize(error.message)}\n` };
  const span = fileStartSpan(file);
  if (line !== undefined) span.start = span.end = { offset: 0, line, column: 1 };
  const diagnostic: Diagnostic = { code: error.code, severity, message: error.message, span };
  return { exitCode, text: renderDiagnostics([diagnostic], () => undefined, { color }) };
}

function report(io: CliIO, failure: Failure): number {
  io.stderr.write(failure.text);
  return failure.exitCode;
}

/** A usage error in the same form as the ones `defineCommand` reports, exit status 2. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(
    `nnspec vocab build: ${sanitize(message)}\n` +
      "usage: nnspec vocab build [options] CORPUS...\n" +
      "Run 'nnspec vocab build --help' for more information.\n",
  );
  return ExitCode.Usage;
}

/** `-o` as `--output`, up to a `--` that ends the options. */
function expandShortOutput(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  return argv.map((arg, i) => (arg === "-o" && (end === -1 || i < end) ? "--output" : arg));
}

/** Redraws at most this often: a terminal cannot show faster, and each write costs. */
const REDRAW_MS = 100;

/** One status line on a terminal, rewritten in place with a carriage return. */
class ProgressLine {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(private readonly stream: OutputStream) {}

  update(read: CorpusProgress, counted: VocabularyProgress | undefined): void {
    const now = Date.now();
    if (now - this.lastDraw < REDRAW_MS && read.bytesRead < read.totalBytes) return;
    this.lastDraw = now;
    this.drawn = true;
    this.stream.write(`\r${progressText(read, counted)}\x1b[K`);
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[K");
    this.drawn = false;
  }
}

/** `reading corpus.txt  45%  23.1 of 51.2 MiB  1,234,567 lines  45,678 distinct tokens`. */
function progressText(read: CorpusProgress, counted: VocabularyProgress | undefined): string {
  const percent = read.totalBytes === 0 ? 100 : Math.floor((100 * read.bytesRead) / read.totalBytes);
  const parts = [
    `reading ${sanitize(read.file)}`,
    `${String(percent).padStart(3)}%`,
    `${formatMiB(read.bytesRead)} of ${formatMiB(read.totalBytes)} MiB`,
    `${read.lines.toLocaleString("en-US")} lines`,
  ];
  if (counted !== undefined) parts.push(`${counted.distinct.toLocaleString("en-US")} distinct tokens`);
  return parts.join("  ");
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** `wrote vocab.json: 10,000 IDs (9,998 of 45,678 distinct tokens, from 1,234,567 lines)`. */
function summaryLine(output: string, size: number, counted: VocabularyProgress): string {
  const n = (value: number) => value.toLocaleString("en-US");
  return `wrote ${sanitize(output)}: ${n(size)} IDs (${n(counted.kept ?? size - 2)} of ${n(counted.distinct)} distinct tokens, from ${n(counted.lines)} lines)`;
}
