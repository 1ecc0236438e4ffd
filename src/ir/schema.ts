import { readFileSync } from "node:fs";
import { loadAjv } from "./lazy-ajv.js";
import type { ModelIR } from "./types.js";

// The schema lives in schemas/ (published with the package); read once, on first use.
const schemaUrl = new URL("../../schemas/ir.schema.json", import.meta.url);
let validator: ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } | undefined;

/** Validates IR read from or written to JSON against schemas/ir.schema.json. */
export function validateIR(data: unknown): { ok: true; ir: ModelIR } | { ok: false; errors: string[] } {
  if (!validator) {
    const ajv = new (loadAjv().Ajv)({ allErrors: true, strict: false });
    validator = ajv.compile(JSON.parse(readFileSync(schemaUrl, "utf8")));
  }
  if (validator(data)) return { ok: true, ir: data as ModelIR };
  const errors = (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
  return { ok: false, errors };
}
