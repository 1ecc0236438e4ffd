import { createNormalizer } from "./normalize.js";
import { TextError } from "./text-error.js";
import type { TextSettings } from "./text-settings.js";
import { createSplitter } from "./tokenize.js";

/** Raw text → tokens, with regexes and segmenters built once for many texts. */
export type TextPipeline = (text: string) => string[];

/**
 * The preprocessing of the seed notebook before IDs: cleansing (normalise, lowercase, strip)
 * then tokenization. Throws a TextError (NN6020) for settings that cannot work: a language
 * that is not a BCP 47 tag, or an invalid regex.
 */
export function createTextPipeline(settings: TextSettings): TextPipeline {
  checkLanguage(settings.language);
  const normalize = createNormalizer(settings);
  const split = createSplitter(settings.tokenize, settings.language);
  return (text) => split(normalize(text));
}

/** The tokens of one text. For many texts, build the pipeline once with createTextPipeline. */
export function textToTokens(text: string, settings: TextSettings): string[] {
  return createTextPipeline(settings)(text);
}

function checkLanguage(language: string): void {
  try {
    Intl.getCanonicalLocales(language);
  } catch {
    throw new TextError("InvalidTextSetting", `language: '${language}' is not a BCP 47 language tag (such as "ja", "en", "und")`);
  }
}
