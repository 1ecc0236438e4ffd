import { isLayerValue, isRegularizerValue } from "../options/value-kinds.js";
import type { LayerValue, OptionValue, Options, RegularizerValue } from "../types.js";

/**
 * Typed reads of validated options. Validation guarantees the types, so a mismatch here is a
 * bug in nnspec (the driver reports it as an internal error), never a user mistake.
 */

export function numberOption(options: Options, name: string): number {
  const value = options[name];
  if (typeof value !== "number") throw wrongType(name, "a number", value);
  return value;
}

export function booleanOption(options: Options, name: string): boolean {
  const value = options[name];
  if (typeof value !== "boolean") throw wrongType(name, "a boolean", value);
  return value;
}

export function stringOption(options: Options, name: string): string {
  const value = options[name];
  if (typeof value !== "string") throw wrongType(name, "a string", value);
  return value;
}

export function nullableStringOption(options: Options, name: string): string | null {
  const value = options[name];
  if (value !== null && typeof value !== "string") throw wrongType(name, "a string or none", value);
  return value;
}

export function nullableNumberOption(options: Options, name: string): number | null {
  const value = options[name];
  if (value !== null && typeof value !== "number") throw wrongType(name, "a number or none", value);
  return value;
}

export function regularizerOption(options: Options, name: string): RegularizerValue | null {
  const value = options[name];
  if (value !== null && !isRegularizerValue(value)) throw wrongType(name, "a regularizer or none", value);
  return value;
}

export function layerOption(options: Options, name: string): LayerValue {
  const value = options[name];
  if (!isLayerValue(value)) throw wrongType(name, "a layer", value);
  return value;
}

/** A list of integers or nones (`noise_shape`), or none. */
export function nullableDimListOption(options: Options, name: string): (number | null)[] | null {
  const value = options[name];
  if (value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => v === null || typeof v === "number")) {
    throw wrongType(name, "a list of integers", value);
  }
  return value as (number | null)[];
}

/** An integer or a list of integers (`axes`). */
export function axesOption(options: Options, name: string): number | number[] {
  const value = options[name];
  if (typeof value === "number") return value;
  if (Array.isArray(value) && value.every((v): v is number => typeof v === "number")) return value;
  throw wrongType(name, "an integer or a list of integers", value);
}

function wrongType(name: string, expected: string, value: OptionValue | undefined): Error {
  return new Error(`option '${name}' should be ${expected} after validation, but is ${JSON.stringify(value)}`);
}
