import type { Options } from "../types.js";

/**
 * A list-of-integers option (`target_shape`, `dims`). Validation guarantees the type, so a
 * mismatch is a bug in nnspec, never a user mistake.
 */
export function intListOption(options: Options, name: string): number[] {
  const value = options[name];
  if (!Array.isArray(value) || !value.every((v): v is number => typeof v === "number")) {
    throw new Error(`option '${name}' should be a list of integers after validation, but is ${JSON.stringify(value)}`);
  }
  return value;
}
