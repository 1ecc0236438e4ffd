import { didYouMean } from "./suggest.js";

/**
 * A small typed parser for long options. Each command declares its flags as data; the parsed
 * values are typed from that declaration, so `flags.format` is `"text" | "json"`, not `string`.
 *
 * Accepted forms: `--name value`, `--name=value`, repeatable `NAME=VALUE` and list flags, `--` to end
 * options, `-h`/`--help` anywhere. Repeating any other flag keeps its last value. A value may
 * not start with `--` in the separate form (that is almost always a forgotten value); use
 * `--name=--value` for the rare value that does.
 */

export interface BooleanFlag {
  kind: "boolean";
  description: string;
}

export interface StringFlag {
  kind: "string";
  /** The placeholder shown in help: `--out DIR`. */
  value: string;
  description: string;
}

export interface ChoiceFlag<C extends string = string> {
  kind: "choice";
  choices: readonly C[];
  default: C;
  description: string;
}

/**
 * A repeatable `NAME=VALUE` flag (`--set lstm_units=300`), parsed into a record. A later
 * occurrence of the same name wins, so scripts can append overrides.
 */
export interface PairsFlag {
  kind: "pairs";
  value: string;
  description: string;
}

/** A repeatable flag whose values are kept in order (`--text "a" --text "b"`). */
export interface ListFlag {
  kind: "list";
  value: string;
  description: string;
}

export type FlagSpec = BooleanFlag | StringFlag | ChoiceFlag | PairsFlag | ListFlag;
export type FlagSpecs = Record<string, FlagSpec>;

/** The parsed value of each declared flag. */
export type FlagValues<F extends FlagSpecs> = {
  [K in keyof F]: F[K] extends BooleanFlag
    ? boolean
    : F[K] extends ChoiceFlag<infer C>
      ? C
      : F[K] extends PairsFlag
        ? Record<string, string>
        : F[K] extends ListFlag
          ? string[]
          : string | undefined;
};

/** Constructors that keep choice literals typed. */
export const flag = {
  boolean: (description: string): BooleanFlag => ({ kind: "boolean", description }),
  string: (value: string, description: string): StringFlag => ({ kind: "string", value, description }),
  pairs: (value: string, description: string): PairsFlag => ({ kind: "pairs", value, description }),
  list: (value: string, description: string): ListFlag => ({ kind: "list", value, description }),
  choice: <const C extends string>(
    choices: readonly C[],
    defaultValue: NoInfer<C>,
    description: string,
  ): ChoiceFlag<C> => ({ kind: "choice", choices, default: defaultValue, description }),
};

export type ParseResult<F extends FlagSpecs> =
  | { kind: "ok"; flags: FlagValues<F>; operands: string[] }
  | { kind: "help" }
  | { kind: "error"; message: string };

const isHelp = (arg: string): boolean => arg === "--help" || arg === "-h";

/** Parses `argv` (the arguments after the command name) against `specs`. */
export function parseArgs<F extends FlagSpecs>(argv: readonly string[], specs: F): ParseResult<F> {
  const end = argv.indexOf("--");
  if (argv.slice(0, end === -1 ? argv.length : end).some(isHelp)) return { kind: "help" };

  const values: Record<string, FlagValue> = {};
  for (const [name, spec] of Object.entries(specs)) values[name] = initialValue(spec);
  const operands: string[] = [];
  const error = (message: string): ParseResult<F> => ({ kind: "error", message });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    if (!arg.startsWith("--")) return error(`unknown option '${arg}'`);

    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (spec === undefined) {
      const known = [...Object.keys(specs), "help"];
      return error(`unknown option '--${name}'${didYouMean(name, known, (n) => `--${n}`)}`);
    }
    if (spec.kind === "boolean") {
      if (equals !== -1) return error(`option '--${name}' does not take a value`);
      values[name] = true;
      continue;
    }

    let value: string;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) {
        return error(`option '--${name}' needs a value (${placeholder(spec)})`);
      }
      value = next;
      i++;
    }

    if (spec.kind === "choice") {
      if (!spec.choices.includes(value)) {
        const expected = `expected one of ${spec.choices.join(", ")}${didYouMean(value, spec.choices)}`;
        return error(`invalid value '${value}' for '--${name}': ${expected}`);
      }
      values[name] = value;
    } else if (spec.kind === "pairs") {
      const separator = value.indexOf("=");
      if (separator <= 0) return error(`invalid value '${value}' for '--${name}': expected ${spec.value}`);
      // defineProperty keeps a name like "__proto__" an ordinary key instead of a prototype.
      Object.defineProperty(values[name], value.slice(0, separator), {
        value: value.slice(separator + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (spec.kind === "list") {
      (values[name] as string[]).push(value);
    } else {
      values[name] = value;
    }
  }
  // The loop above stores for each flag exactly the type FlagValues<F> declares for its kind.
  return { kind: "ok", flags: values as FlagValues<F>, operands };
}

type FlagValue = boolean | string | string[] | Record<string, string> | undefined;

function initialValue(spec: FlagSpec): FlagValue {
  switch (spec.kind) {
    case "boolean":
      return false;
    case "choice":
      return spec.default;
    case "pairs":
      return {};
    case "list":
      return [];
    case "string":
      return undefined;
  }
}

/** `NAME=VALUE`, `text|json`: what a flag's value looks like, for help and errors. */
export function placeholder(spec: FlagSpec): string {
  switch (spec.kind) {
    case "boolean":
      return "";
    case "choice":
      return spec.choices.join("|");
    case "pairs":
    case "list":
    case "string":
      return spec.value;
  }
}
