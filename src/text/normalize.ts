import type { TextSettings } from "./text-settings.js";
import { compileUserRegex } from "./user-regex.js";

/**
 * What `strip = "punctuation"` removes: every Unicode punctuation character (`\p{P}`: ASCII
 * `!"#%&'()*,-./:;?@[\]_{}`, and `。、「」！？…` and the like from other scripts), plus the
 * ASCII symbols Keras's Tokenizer also filters by default (`$+<=>^`|~`), which Unicode
 * classes as symbols rather than punctuation. Other symbols (emoji, `©`, `°`) are kept.
 * An apostrophe between two letters or digits is kept (`don't`, `l’homme`, `90's`), as in
 * Keras, whose filters do not include `'`: it belongs to the word.
 */
const punctuation = /[^\P{P}'\u2019]|[$+<=>^`|~]|(?<![\p{L}\p{N}])['\u2019]|['\u2019](?![\p{L}\p{N}])/gu;

const whiteSpace = /\s+/gu;

/** Cleansing as one function of the text, with any regex compiled once. */
export type Normalizer = (text: string) => string;

/**
 * Builds the cleansing steps, in this order: Unicode normalisation (first, so that fullwidth
 * `ＡＢＣ` becomes `ABC` before lowercasing), lowercasing (by the rules of `language`: Turkish
 * `I` → `ı`), stripping (each removed character becomes a space, as in Keras, so `end.Next`
 * stays two words), and collapsing white space to single spaces without leading or trailing.
 */
export function createNormalizer(settings: TextSettings): Normalizer {
  const { normalize, lowercase, strip, language } = settings;
  const form = normalize === null ? undefined : normalize.toUpperCase();
  const stripped = strip === null ? undefined : strip === "punctuation" ? punctuation : compileUserRegex(strip.regex, "strip");
  // "und" must not fall back to the host's locale: the same spec gives the same tokens anywhere.
  const lower = (text: string): string => (language === "und" ? text.toLowerCase() : text.toLocaleLowerCase(language));
  return (text) => {
    let result = form === undefined ? text : text.normalize(form);
    if (lowercase) result = lower(result);
    if (stripped !== undefined) result = result.replace(stripped, (match) => (match === "" ? "" : " "));
    return result.replace(whiteSpace, " ").trim();
  };
}

/** Cleanses one text (see createNormalizer). */
export function normalizeText(text: string, settings: TextSettings): string {
  return createNormalizer(settings)(text);
}
