import type { ErrorObject } from "ajv";
import type { LayerDefinition } from "../layer-definition.js";
import { ordinal } from "../describe.js";
import { closestName } from "../suggest.js";
import type { OptionValue, Options } from "../types.js";
import { describeEnum, describeExpected, describeRange, type PropertySchema } from "./expected.js";
import { formatOptionValue } from "./format-value.js";
import type { OptionProblem } from "./option-problem.js";

const TYPE_KEYWORDS = new Set(["type", "nnKind", "minItems", "maxItems", "items"]);
const RANGE_KEYWORDS = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]);

/** Unknown options are listed in the message when there are few enough to read at a glance. */
const LISTED_OPTIONS = 8;

/**
 * Turns ajv's errors into one Keras-style problem per option. Messages are written from the
 * option's schema and the received value; ajv's own wording never reaches the user.
 */
export function problemsFromErrors(definition: LayerDefinition, errors: readonly ErrorObject[], given: Options): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const byOption = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === "additionalProperties") {
      problems.push(unknownOption(definition, String(error.params.additionalProperty)));
    } else if (error.keyword === "required") {
      problems.push(missingOption(definition, String(error.params.missingProperty)));
    } else {
      const option = error.instancePath.split("/")[1];
      if (option === undefined) continue;
      byOption.set(option, [...(byOption.get(option) ?? []), error]);
    }
  }
  for (const [option, optionErrors] of byOption) {
    const schema = definition.options.properties[option] ?? {};
    problems.push(valueProblem(option, schema, given[option], optionErrors));
  }
  return problems;
}

function unknownOption(definition: LayerDefinition, option: string): OptionProblem {
  const known = Object.keys(definition.options.properties);
  const suggestion = closestName(option, known);
  let message = `unknown option '${option}'`;
  if (suggestion) message += `; did you mean '${suggestion}'?`;
  else if (known.length === 0) message += `: ${definition.type} takes no options`;
  else if (known.length <= LISTED_OPTIONS) message += `; the options are ${known.join(", ")}`;
  return { code: "UnknownOption", message, option };
}

function missingOption(definition: LayerDefinition, option: string): OptionProblem {
  const position = definition.positional.indexOf(option);
  const where = position >= 0 ? ` (the ${ordinal(position + 1)} argument, or ${option}=…)` : ` (${option}=…)`;
  return { code: "MissingOption", message: `missing required option '${option}'${where}`, option };
}

/** The most telling problem with one option's value: its type first, then the allowed set, then the range. */
function valueProblem(option: string, schema: PropertySchema, value: OptionValue | undefined, errors: ErrorObject[]): OptionProblem {
  const received = formatOptionValue(value);
  const nested = errors.filter((e) => e.instancePath !== `/${option}`);
  const itemRange = describeRange((schema.items ?? {}) as PropertySchema);
  if (nested.length > 0 && nested.every((e) => RANGE_KEYWORDS.has(e.keyword)) && itemRange) {
    return { code: "OptionRange", message: `${option} entries must be ${itemRange}, received ${received}`, option };
  }
  if (nested.length > 0 || errors.some((e) => TYPE_KEYWORDS.has(e.keyword))) {
    return { code: "OptionType", message: `${option} must be ${describeExpected(schema)}, received ${received}`, option };
  }
  if (errors.some((e) => e.keyword === "enum")) {
    const allowed = (schema.enum ?? []) as OptionValue[];
    const strings = allowed.filter((v): v is string => typeof v === "string");
    const suggestion = typeof value === "string" ? closestName(value, strings) : undefined;
    const hint = suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : "";
    return { code: "OptionEnum", message: `${option} must be one of ${describeEnum(allowed)}; received ${received}${hint}`, option };
  }
  const range = errors.some((e) => RANGE_KEYWORDS.has(e.keyword)) ? describeRange(schema) : undefined;
  if (range) return { code: "OptionRange", message: `${option} must be ${range}, received ${received}`, option };
  return { code: "OptionType", message: `${option} must be ${describeExpected(schema)}, received ${received}`, option };
}
