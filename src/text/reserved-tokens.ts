import { TextError } from "./text-error.js";
import type { ReservedTokens } from "./text-settings.js";

/** Rejects reserved IDs and tokens that cannot both have a place in a vocabulary. */
export function checkReservedTokens(reserved: ReservedTokens): void {
  const fail = (message: string): never => {
    throw new TextError("InvalidTextSetting", message);
  };
  for (const name of ["pad_id", "unk_id"] as const) {
    const id = reserved[name];
    if (!Number.isInteger(id) || id < 0) fail(`${name} must be a non-negative integer, got ${id}`);
  }
  if (reserved.pad_id === reserved.unk_id) fail(`pad_id and unk_id must differ, both are ${reserved.pad_id}`);
  for (const name of ["pad_token", "unk_token"] as const) {
    if (reserved[name] === "") fail(`${name} must not be empty`);
  }
  if (reserved.pad_token === reserved.unk_token) fail(`pad_token and unk_token must differ, both are '${reserved.pad_token}'`);
}
