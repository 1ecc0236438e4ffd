import { TextError } from "./text-error.js";

/**
 * Compiles a regex written in a spec (JavaScript syntax, always with the `u` flag so `\p{…}`
 * works and astral characters are one character; `g` because every match counts).
 * `setting` names the setting in the error message: `strip`, `tokenize`.
 */
export function compileUserRegex(source: string, setting: string): RegExp {
  try {
    return new RegExp(source, "gu");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TextError("InvalidTextSetting", `${setting}: invalid regex /${source}/: ${reason}`);
  }
}
