import { randomBytes } from "node:crypto";
import { chmod, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { FormatResult } from "../../format/index.js";
import { flag } from "../args.js";
import { useColor } from "../colors.js";
import type { Command } from "../command.js";
import { defineCommand } from "../command.js";
import { commonFlags } from "../common-flags.js";
import { ExitCode } from "../exit-codes.js";
import { readSource } from "../read-source.js";
import { renderDiagnostics } from "../render.js";
import { sanitize } from "../terminal-text.js";

/** What `nnspec fmt` needs from the formatter; a parameter like check's API. */
export interface FmtDependencies {
  format(source: string, file: string): FormatResult;
}

const description = `
Rewrites each spec file in nnspec's canonical layout: 2-space indentation, one statement per
line, spaces around = and |> and operators, keyword arguments as name=value, long pipe chains
broken before each |>, comments kept. Only files that change are written, each atomically
(a temporary file renamed over the original). Files with syntax errors are not touched: their
errors are printed on stderr.

--check writes nothing: it lists the files that would change, one per line on stdout.

Exit status: 0 when every file is formatted (or, with --check, already was), 1 when a file
has syntax errors or, with --check, would change, 2 when a file cannot be read or written.`;

/** Writes a file's new text; a parameter so tests can make writing fail. */
export type WriteFile = (path: string, text: string) => Promise<void>;

/** `nnspec fmt FILE… [--check]`. */
export function createFmtCommand(formatter: FmtDependencies, write: WriteFile = replaceFile): Command {
  return defineCommand({
    name: "fmt",
    summary: "format spec files in the canonical layout",
    description,
    operands: { name: "FILE", min: 1 },
    flags: {
      check: flag.boolean("write nothing; list the files that would change and exit 1 if any would"),
      color: commonFlags.color,
    },
    async run({ operands, flags }, io) {
      const sources = new Map<string, string>();
      const problems: Diagnostic[] = [];
      let failed = false;
      let ioError = false;
      for (const file of operands) {
        const read = await readSource(file);
        if ("diagnostic" in read) {
          problems.push(read.diagnostic);
          ioError = true;
          continue;
        }
        sources.set(file, read.source);
        const result = formatter.format(read.source, file);
        if (result.text === undefined) {
          problems.push(...result.diagnostics);
          failed = true;
          continue;
        }
        if (result.text === read.source) continue;
        if (flags.check) {
          io.stdout.write(`${sanitize(file)}\n`);
          failed = true;
          continue;
        }
        try {
          await write(file, result.text);
        } catch (error) {
          io.stderr.write(`nnspec fmt: cannot write '${sanitize(file)}': ${sanitize(errorMessage(error))}\n`);
          ioError = true;
        }
      }
      const color = useColor(flags.color, io.stderr, io.env);
      io.stderr.write(renderDiagnostics(problems, (file) => sources.get(file), { color }));
      if (ioError) return ExitCode.Usage;
      return failed ? ExitCode.Failure : ExitCode.Ok;
    },
  });
}

/**
 * Replaces a file's content atomically: readers see the old text or the new, never half of it.
 * The new text goes to a temporary file beside the target (same file system, so rename is
 * atomic), with the target's permissions; a symbolic link is followed, not replaced.
 */
export async function replaceFile(path: string, text: string): Promise<void> {
  const target = await realpath(path);
  const { mode } = await stat(target);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await chmod(temporary, mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
