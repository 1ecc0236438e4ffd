import type { OptionProblem } from "../options/option-problem.js";
import { formatOptionValue } from "../options/format-value.js";
import { closestName } from "../suggest.js";
import type { Options, RegularizerValue } from "../types.js";

/**
 * Keras's weight regularizers: `l1(0.01)`, `l2(0.01)`, `l1_l2(l1=0.01, l2=0.01)`. All three are
 * an L1L2 penalty (the one tfjs-layers implements) with one factor set to 0.
 */

/** The factors each function takes, in positional order, with Keras's defaults. */
const FACTORS: Record<string, Record<string, number>> = {
  l1: { l1: 0.01 },
  l2: { l2: 0.01 },
  l1_l2: { l1: 0.01, l2: 0.01 },
};

/** The regularizer function names, as written in a spec. */
export const regularizerFunctionNames: readonly string[] = Object.keys(FACTORS);

/** The arguments a regularizer function takes positionally: `l2(0.01)` is `l2(l2=0.01)`. */
export function regularizerPositional(name: string): readonly string[] {
  return Object.keys(FACTORS[name] ?? {});
}

/** Builds a regularizer from its evaluated arguments; factors must be non-negative numbers. */
export function buildRegularizer(name: string, given: Options): { value?: RegularizerValue; problems: OptionProblem[] } {
  const defaults = FACTORS[name];
  if (!defaults) {
    const suggestion = closestName(name, regularizerFunctionNames);
    const hint = suggestion ? `; did you mean '${suggestion}'?` : "";
    return { problems: [{ code: "InvalidRegularizer", message: `unknown regularizer '${name}'${hint}` }] };
  }
  const factors: Record<string, number> = { l1: 0, l2: 0, ...defaults };
  const problems: OptionProblem[] = [];
  for (const [option, value] of Object.entries(given)) {
    if (!(option in defaults)) {
      problems.push({ code: "UnknownOption", message: unknownFactor(name, option), option });
    } else if (typeof value !== "number") {
      problems.push({ code: "OptionType", message: `${option} must be a number, received ${formatOptionValue(value)}`, option });
    } else if (!(value >= 0) || !Number.isFinite(value)) {
      const message = `${option} must be a non-negative number, received ${formatOptionValue(value)}`;
      problems.push({ code: "InvalidRegularizer", message, option });
    } else {
      factors[option] = value;
    }
  }
  if (problems.length > 0) return { problems };
  return { value: { kind: "regularizer", l1: factors.l1, l2: factors.l2 }, problems };
}

function unknownFactor(name: string, option: string): string {
  const known = Object.keys(FACTORS[name]);
  // l2(l1=…) most likely wants both penalties, which is l1_l2.
  if (option in FACTORS.l1_l2) return `unknown option '${option}': ${name} takes only ${known.join(", ")}; use l1_l2(l1=…, l2=…) for both`;
  const suggestion = closestName(option, known);
  return `unknown option '${option}'; ${suggestion ? `did you mean '${suggestion}'?` : `${name} takes ${known.join(", ")}`}`;
}

/** Keras also takes a regularizer by name (`kernel_regularizer="l2"`): its default factors. */
export function regularizerFromName(name: string): RegularizerValue | undefined {
  return FACTORS[name] ? buildRegularizer(name, {}).value : undefined;
}

/** The tfjs-layers config of a regularizer (its L1L2 class), or null for none. */
export function tfjsRegularizer(value: RegularizerValue | null): { className: "L1L2"; config: { l1: number; l2: number } } | null {
  return value === null ? null : { className: "L1L2", config: { l1: value.l1, l2: value.l2 } };
}
