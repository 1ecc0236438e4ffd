import type { LayerDefinition } from "../layer-definition.js";
import { regularizerFromName } from "../layers/regularizers.js";
import type { Options } from "../types.js";
import { optionValidator } from "./ajv-instance.js";
import type { OptionProblem } from "./option-problem.js";
import { problemsFromErrors } from "./problems.js";

export type { OptionProblem } from "./option-problem.js";

/**
 * Checks a layer's options against its schema and fills in Keras's defaults. The given object
 * is not modified. Problems carry the option name so the caller can point at that argument.
 */
export function validateOptions(definition: LayerDefinition, given: Options): { options: Options; problems: OptionProblem[] } {
  const options = withRegularizerNames(definition, given);
  const validate = optionValidator(definition);
  if (validate(options)) return { options, problems: [] };
  return { options, problems: problemsFromErrors(definition, validate.errors ?? [], options) };
}

/** A copy of the options in which Keras's regularizer names (`kernel_regularizer="l2"`) became values. */
function withRegularizerNames(definition: LayerDefinition, given: Options): Options {
  const options: Options = { ...given };
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "string" || definition.options.properties[name]?.nnKind !== "regularizer") continue;
    options[name] = regularizerFromName(value) ?? value;
  }
  return options;
}
