import type { OptionValue } from "../types.js";

/** A setting's value: a constant, or a call of a setting function (`adam(learning_rate=1e-3)`). */
export type SettingValue = OptionValue | SettingCall;

export interface SettingCall {
  kind: "call";
  name: string;
  args: { [name: string]: OptionValue };
}

export function isCall(value: SettingValue): value is SettingCall {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.kind === "call";
}

/** Each field reader returns the typed value or a message saying what was expected. */
export type FieldResult<T> = { value: T } | { error: string };

export function show(value: SettingValue): string {
  if (isCall(value)) return `${value.name}(…)`;
  return JSON.stringify(value) ?? String(value);
}

export function oneOf<T extends string>(allowed: readonly T[], value: SettingValue): FieldResult<T> {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? { value: value as T }
    : { error: `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, received ${show(value)}` };
}

export function bool(value: SettingValue): FieldResult<boolean> {
  return typeof value === "boolean" ? { value } : { error: `expected true or false, received ${show(value)}` };
}

export function text(value: SettingValue): FieldResult<string> {
  return typeof value === "string" ? { value } : { error: `expected a string, received ${show(value)}` };
}

export function integer(value: SettingValue, min: number): FieldResult<number> {
  return typeof value === "number" && Number.isInteger(value) && value >= min
    ? { value }
    : { error: `expected an integer of at least ${min}, received ${show(value)}` };
}

export function number(value: SettingValue, min: number, max = Infinity, maxInclusive = true): FieldResult<number> {
  const ok = typeof value === "number" && Number.isFinite(value) && value >= min && (maxInclusive ? value <= max : value < max);
  const range = max === Infinity ? `at least ${min}` : `in [${min}, ${max}${maxInclusive ? "]" : ")"}`;
  return ok ? { value: value as number } : { error: `expected a number ${range}, received ${show(value)}` };
}

export function nullable<T>(read: (value: SettingValue) => FieldResult<T>): (value: SettingValue) => FieldResult<T | null> {
  return (value) => (value === null ? { value: null } : read(value));
}

/** `regex("[a-z]+")` → { regex }, checked to compile with the u flag. */
export function regexCall(value: SettingValue): FieldResult<{ regex: string }> | undefined {
  if (!isCall(value) || value.name !== "regex") return undefined;
  const source = value.args.pattern;
  if (typeof source !== "string") return { error: "regex(…) takes the pattern as a string" };
  try {
    new RegExp(source, "u");
  } catch (error) {
    return { error: `invalid regular expression ${JSON.stringify(source)}: ${(error as Error).message}` };
  }
  return { value: { regex: source } };
}
