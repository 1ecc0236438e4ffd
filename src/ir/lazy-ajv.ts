import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The ajv module, loaded on first use: it is large, and `nnspec check` runs on validators
 * compiled ahead of time, so it should not pay for loading it at startup.
 */
export function loadAjv(): typeof import("ajv") {
  return require("ajv") as typeof import("ajv");
}
