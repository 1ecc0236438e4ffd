import { createRequire } from "node:module";
import type { Ajv, Options as AjvOptions, ValidateFunction } from "ajv";
import type { LayerDefinition } from "../layer-definition.js";
import { loadAjv } from "../lazy-ajv.js";
import { PRECOMPILED_FILE } from "./precompiled-file.js";
import { valueKindKeyword, type CodeTag } from "./value-kinds.js";

const require = createRequire(import.meta.url);
let shared: Ajv | undefined;
const compiled = new WeakMap<LayerDefinition, ValidateFunction>();
let precompiled: Record<string, ValidateFunction> | null | undefined;

/**
 * The option validator of a layer type. The build compiles every layer's validator ahead of
 * time into one module beside this one (write-precompiled.ts), so `nnspec check` neither loads
 * ajv's compiler nor compiles a schema at startup; without that module (running from source),
 * each schema is compiled on first use and cached.
 */
export function optionValidator(definition: LayerDefinition): ValidateFunction {
  let validate = compiled.get(definition);
  if (!validate) {
    validate = precompiledValidators()?.[definition.type] ?? optionsAjv().compile(definition.options);
    compiled.set(definition, validate);
  }
  return validate;
}

function precompiledValidators(): Record<string, ValidateFunction> | null {
  if (precompiled === undefined) {
    try {
      precompiled = require(`./${PRECOMPILED_FILE}`) as Record<string, ValidateFunction>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

/** The ajv instance option schemas compile with (`extra`: for generating standalone code). */
export function optionsAjv(extra: AjvOptions = {}): Ajv {
  if (shared && Object.keys(extra).length === 0) return shared;
  const ajv = loadAjv();
  // allErrors: report every bad option in one run; useDefaults: fill in Keras's defaults.
  // The schemas are nnspec's own and tested against the meta-schema, so checking them again
  // at every startup (validateSchema) would only cost time.
  const instance = new ajv.Ajv({
    allErrors: true,
    useDefaults: true,
    strict: true,
    allowUnionTypes: true,
    validateSchema: false,
    ...extra,
  }).addKeyword(valueKindKeyword(ajv._ as CodeTag));
  if (Object.keys(extra).length === 0) shared = instance;
  return instance;
}
