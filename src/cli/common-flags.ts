import { flag } from "./args.js";
import { colorModes } from "./colors.js";

/** Flags several commands share, declared once so their spelling and help stay identical. */
export const commonFlags = {
  set: flag.pairs("NAME=VALUE", "override a parameter of the spec (repeatable)"),
  format: flag.choice(["text", "json"], "text", "output for people (text) or for programs (json)"),
  color: flag.choice(colorModes, "auto", "colour: auto (on a terminal, unless NO_COLOR is set), always, never"),
};
