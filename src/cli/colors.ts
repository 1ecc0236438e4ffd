import type { OutputStream } from "./io.js";

export const colorModes = ["auto", "always", "never"] as const;
export type ColorMode = (typeof colorModes)[number];

/**
 * Colour follows `--color`; on `auto`, only an interactive terminal gets it, and never when
 * NO_COLOR is set to a non-empty value (no-color.org) or the terminal is "dumb".
 */
export function useColor(
  mode: ColorMode,
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  if (mode !== "auto") return mode === "always";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY && env.TERM !== "dumb";
}

/** The styles the renderers use; each is the identity when colour is off. */
export interface Palette {
  bold(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  note(text: string): string;
  gutter(text: string): string;
}

const sgr =
  (...codes: number[]) =>
  (text: string): string =>
    text === "" ? "" : `\x1b[${codes.join(";")}m${text}\x1b[0m`;

const identity = (text: string): string => text;

/** ANSI SGR styles, or plain text when `enabled` is false. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: identity, error: identity, warning: identity, note: identity, gutter: identity };
  return {
    bold: sgr(1),
    error: sgr(1, 31),
    warning: sgr(1, 35),
    note: sgr(1, 36),
    gutter: sgr(34),
  };
}
