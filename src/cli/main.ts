import type { Command } from "./command.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { processIO } from "./io.js";
import { reportInternalError } from "./internal-error.js";
import { didYouMean } from "./suggest.js";
import { sanitize } from "./terminal-text.js";
import { packageVersion } from "./version.js";

/**
 * The `nnspec` entry point: dispatches to a command and resolves to the process exit code.
 * `io` and `commands` (default: the table in commands/index.ts) are parameters so tests run
 * everything in-process. No exception escapes: a bug anywhere becomes one `internal error`
 * line and exit code 70.
 */
export async function main(
  argv: readonly string[],
  io: CliIO = processIO(),
  commands?: readonly Command[],
): Promise<number> {
  try {
    // Loaded here rather than imported at the top so that even a module that fails to load is
    // reported as an internal error, not a raw stack trace.
    const table = commands ?? (await import("./commands/index.js")).commands;
    return await dispatch(argv, io, table);
  } catch (error) {
    return reportInternalError(error, io);
  }
}

async function dispatch(argv: readonly string[], io: CliIO, commands: readonly Command[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(mainHelp(commands));
    return ExitCode.Usage;
  }
  if (first === "--help" || first === "-h") {
    io.stdout.write(mainHelp(commands));
    return ExitCode.Ok;
  }
  if (first === "--version") {
    io.stdout.write(`nnspec ${packageVersion()}\n`);
    return ExitCode.Ok;
  }
  if (first === "help") return help(rest, io, commands);
  if (first.startsWith("-")) {
    return usageError(`unknown option '${first}'${didYouMean(first, ["--help", "--version"])}`, io);
  }
  const command = commands.find((c) => c.name === first);
  if (command === undefined) return unknownCommand(first, io, commands);
  return command.run(rest, io);
}

/** `nnspec help [COMMAND]`: the command list, or one command's own `--help`. */
async function help(argv: readonly string[], io: CliIO, commands: readonly Command[]): Promise<number> {
  if (argv.length === 0) {
    io.stdout.write(mainHelp(commands));
    return ExitCode.Ok;
  }
  if (argv.length > 1) return usageError(`help takes one command name, got ${argv.length} arguments`, io);
  const command = commands.find((c) => c.name === argv[0]);
  if (command === undefined) return unknownCommand(argv[0], io, commands);
  return command.run(["--help"], io);
}

function unknownCommand(name: string, io: CliIO, commands: readonly Command[]): number {
  const names = commands.map((c) => c.name);
  return usageError(`unknown command '${name}'${didYouMean(name, [...names, "help"])}`, io);
}

function usageError(message: string, io: CliIO): number {
  io.stderr.write(`nnspec: ${sanitize(message)}\nRun 'nnspec help' for a list of commands.\n`);
  return ExitCode.Usage;
}

function mainHelp(commands: readonly Command[]): string {
  const commandRows: [string, string][] = [
    ...commands.map((c): [string, string] => [c.name, c.summary]),
    ["help", "show the help of a command"],
  ];
  const optionRows: [string, string][] = [
    ["--version", "print the version"],
    ["-h, --help", "show this help"],
  ];
  const width = Math.max(...[...commandRows, ...optionRows].map(([name]) => name.length)) + 3;
  const table = (rows: [string, string][]) => rows.map(([name, text]) => `  ${name.padEnd(width)}${text}\n`).join("");
  return (
    "nnspec: a declarative neural-network model-spec compiler\n\n" +
    "usage: nnspec COMMAND [options] [FILE...]\n\n" +
    `Commands:\n${table(commandRows)}\n` +
    `Options:\n${table(optionRows)}\n` +
    "Run 'nnspec help COMMAND' or 'nnspec COMMAND --help' for a command's options.\n"
  );
}
