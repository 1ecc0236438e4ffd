import { createRequire } from "node:module";
import { layerDefinitions } from "../layers/index.js";
import { optionsAjv } from "./ajv-instance.js";

const require = createRequire(import.meta.url);

/**
 * Every layer's option validator as standalone JavaScript (a CommonJS module exporting one
 * validator per Keras class name), compiled by the same ajv settings as at run time.
 */
export function precompiledValidatorsSource(): string {
  const ajv = optionsAjv({ code: { source: true } });
  const exports: Record<string, string> = {};
  for (const definition of layerDefinitions.values()) {
    ajv.addSchema(definition.options, definition.type);
    exports[definition.type] = definition.type;
  }
  const { default: standaloneCode } = require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js");
  return standaloneCode(ajv, exports);
}
