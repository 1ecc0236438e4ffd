/** The module of ahead-of-time compiled option validators, beside ajv-instance.js in dist/. */
export const PRECOMPILED_FILE = "option-validators.cjs";
