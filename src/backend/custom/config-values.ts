import type { serialization } from "@tensorflow/tfjs";

/**
 * Typed reads of a custom layer's config. nnspec writes every key (src/ir/layers toTfjs);
 * the fallbacks, Keras's defaults, serve configs written by hand. A value of the wrong type is
 * a broken model file: it throws, naming the layer class and the key.
 */

type Config = serialization.ConfigDict;

export function configNumber(config: Config, className: string, key: string, fallback?: number): number {
  const value = config[key] ?? fallback;
  if (typeof value !== "number") throw badConfig(className, key, "a number", value);
  return value;
}

export function configBoolean(config: Config, className: string, key: string, fallback: boolean): boolean {
  const value = config[key] ?? fallback;
  if (typeof value !== "boolean") throw badConfig(className, key, "true or false", value);
  return value;
}

export function configString(config: Config, className: string, key: string, fallback: string): string {
  const value = config[key] ?? fallback;
  if (typeof value !== "string") throw badConfig(className, key, "a string", value);
  return value;
}

/** A list of integers, or null (absent is null too). */
export function configNumberList(config: Config, className: string, key: string): number[] | null {
  const value = config[key] ?? null;
  if (value === null) return null;
  if (!Array.isArray(value) || !value.every((v): v is number => typeof v === "number")) throw badConfig(className, key, "a list of integers", value);
  return value;
}

function badConfig(className: string, key: string, expected: string, value: unknown): Error {
  return new Error(`${className}: config ${key} must be ${expected}, got ${JSON.stringify(value)}`);
}
