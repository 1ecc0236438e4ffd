import { parseArgs, placeholder } from "./args.js";
import type { FlagSpecs, FlagValues } from "./args.js";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { sanitize } from "./terminal-text.js";

/** One entry of the command table: what `main` dispatches to and what `nnspec help` lists. */
export interface Command {
  name: string;
  /** One line for `nnspec help`. */
  summary: string;
  /** Runs the command on the arguments after its name; resolves to the exit code. */
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

/** The positional arguments a command takes: `FILE…` is `{ name: "FILE", min: 1 }`. */
export interface OperandSpec {
  name: string;
  min: number;
  /** Omitted: any number. */
  max?: number;
}

/** What a command's body receives once its arguments are parsed and valid. */
export interface Invocation<F extends FlagSpecs> {
  operands: string[];
  flags: FlagValues<F>;
}

export interface CommandDefinition<F extends FlagSpecs> {
  name: string;
  summary: string;
  /** Paragraphs shown by `nnspec NAME --help` after the usage line. */
  description: string;
  operands: OperandSpec;
  flags: F;
  run(invocation: Invocation<F>, io: CliIO): Promise<number>;
}

/**
 * Wraps a command body with the parts every command shares: `--help`, and usage errors
 * (unknown flags, missing values, wrong operand count) printed on stderr with exit code 2.
 */
export function defineCommand<F extends FlagSpecs>(definition: CommandDefinition<F>): Command {
  return {
    name: definition.name,
    summary: definition.summary,
    async run(argv, io) {
      const parsed = parseArgs(argv, definition.flags);
      if (parsed.kind === "help") {
        io.stdout.write(commandHelp(definition));
        return ExitCode.Ok;
      }
      const rejectUsage = (message: string): number => {
        io.stderr.write(usageError(definition, message));
        return ExitCode.Usage;
      };
      if (parsed.kind === "error") return rejectUsage(parsed.message);
      const problem = operandProblem(parsed.operands, definition.operands);
      if (problem !== undefined) return rejectUsage(problem);
      return definition.run({ operands: parsed.operands, flags: parsed.flags }, io);
    },
  };
}

function operandProblem(operands: readonly string[], spec: OperandSpec): string | undefined {
  if (operands.length < spec.min) return `missing ${spec.name}`;
  if (spec.max !== undefined && operands.length > spec.max) return `unexpected argument '${operands[spec.max]}'`;
  return undefined;
}

function usageLine(definition: CommandDefinition<FlagSpecs>): string {
  const { name, min, max } = definition.operands;
  const operand = `${name}${max === 1 ? "" : "..."}`;
  const operands = max === 0 ? "" : min === 0 ? ` [${operand}]` : ` ${operand}`;
  return `usage: nnspec ${definition.name} [options]${operands}\n`;
}

/** The usage error block: what was wrong, the usage line, and where to read more. */
function usageError(definition: CommandDefinition<FlagSpecs>, message: string): string {
  return (
    `nnspec ${definition.name}: ${sanitize(message)}\n` +
    usageLine(definition) +
    `Run 'nnspec ${definition.name} --help' for more information.\n`
  );
}

/** The full `--help` text of a command, with its options in a two-column table. */
function commandHelp(definition: CommandDefinition<FlagSpecs>): string {
  const rows: [string, string][] = Object.entries(definition.flags).map(([name, spec]) => {
    const value = placeholder(spec);
    const defaultValue = spec.kind === "choice" ? ` (default: ${spec.default})` : "";
    return [`--${name}${value === "" ? "" : ` ${value}`}`, `${spec.description}${defaultValue}`];
  });
  rows.push(["-h, --help", "show this help"]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const options = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}\n`).join("");
  return `${usageLine(definition)}\n${definition.description.trim()}\n\nOptions:\n${options}`;
}
