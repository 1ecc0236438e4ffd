import { Ajv, type ValidateFunction } from "ajv";
import type { LayerDefinition } from "../layer-definition.js";
import { valueKindKeyword } from "./value-kinds.js";

let shared: Ajv | undefined;
const compiled = new WeakMap<LayerDefinition, ValidateFunction>();

/**
 * The option validator of a layer type, compiled on first use and cached: `nnspec check`
 * compiles only the schemas of the layers a spec uses, which keeps startup fast.
 */
export function optionValidator(definition: LayerDefinition): ValidateFunction {
  let validate = compiled.get(definition);
  if (!validate) {
    validate = sharedAjv().compile(definition.options);
    compiled.set(definition, validate);
  }
  return validate;
}

function sharedAjv(): Ajv {
  // allErrors: report every bad option in one run; useDefaults: fill in Keras's defaults.
  // The schemas are nnspec's own and tested against the meta-schema, so checking them again
  // at every startup (validateSchema) would only cost time.
  shared ??= new Ajv({
    allErrors: true,
    useDefaults: true,
    strict: true,
    allowUnionTypes: true,
    validateSchema: false,
  }).addKeyword(valueKindKeyword);
  return shared;
}
