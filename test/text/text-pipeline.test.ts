import { describe, expect, it } from "vitest";
import type { TextSettings } from "../../src/text/text-settings.js";
import { defaultTextSettings } from "../../src/text/text-settings.js";
import { TextError } from "../../src/text/text-error.js";
import { normalizeText } from "../../src/text/normalize.js";
import { textToTokens } from "../../src/text/text-pipeline.js";
import { caught } from "./support/preprocess-config.js";

const settings = (overrides: Partial<TextSettings> = {}): TextSettings => ({ ...defaultTextSettings, ...overrides });

describe("normalizeText: cleansing before tokenization", () => {
  const cases: [string, string, Partial<TextSettings>, string][] = [
    ["NFKC folds fullwidth and compatibility characters", "ＡＢＣ　ｱｲｳ ① ﬁ", { strip: null }, "abc アイウ 1 fi"],
    ["NFKC composes e + combining acute", "Cafe\u0301", {}, "café"],
    ["no normalisation keeps fullwidth letters (lowercased)", "ＡＢＣ", { normalize: null }, "ａｂｃ"],
    ["NFD decomposes", "é", { normalize: "nfd" }, "e\u0301"],
    ["lowercase=false keeps case", "Hello World", { lowercase: false }, "Hello World"],
    ["the root language lowercases I to i", "IZMIR", {}, "izmir"],
    ["Turkish lowercases I to dotless ı", "IZMIR", { language: "tr" }, "ızmır"],
    ["Keras's ASCII filters all become spaces", "a!b\"c#d$e%f&g(h)i*j+k,l-m.n/o:p;q<r=s>t?u@v[w\\x]y^z_`{|}~end", {}, "a b c d e f g h i j k l m n o p q r s t u v w x y z end"],
    ["Unicode punctuation of other scripts", "「こんにちは、世界！」…", {}, "こんにちは 世界"],
    ["apostrophes inside words stay, quotes go", "'Don't' rock'n'roll 90's l’homme ‘x’", {}, "don't rock'n'roll 90's l’homme x"],
    ["symbols that are not Keras's filters stay", "© 30° 👍🏽 €5", {}, "© 30° 👍🏽 €5"],
    ["strip=null keeps punctuation", "Hi, there!", { strip: null }, "hi, there!"],
    ["a strip regex replaces its matches with spaces", "call 555-1234 now", { strip: { regex: "\\p{Nd}+" } }, "call - now"],
    ["white space collapses and is trimmed", "  a \t\n b\u3000c  ", {}, "a b c"],
  ];
  it.each(cases)("%s", (_, text, overrides, expected) => {
    expect(normalizeText(text, settings(overrides))).toBe(expected);
  });
});

describe("textToTokens", () => {
  const cases: [string, string, Partial<TextSettings>, string[]][] = [
    ["English words", "The cat sat on the mat.", {}, ["the", "cat", "sat", "on", "the", "mat"]],
    ["English: contractions are one word, hyphens split (like Keras)", "Don't e-mail me!", {}, ["don't", "e", "mail", "me"]],
    ["Japanese words without spaces (分かち書き)", "私は学生です。", { language: "ja" }, ["私", "は", "学生", "です"]],
    ["Japanese with the root language", "私は学生です", {}, ["私", "は", "学生", "です"]],
    ["Japanese mixed with fullwidth Latin letters and digits", "東京は２０２４年にＴＶを買う", { language: "ja" }, ["東京", "は", "2024", "年", "に", "tv", "を", "買う"]],
    ["words drop emoji and punctuation even unstripped", "good 👍 ok?!", { strip: null }, ["good", "ok"]],
    ["whitespace splits on white space only", "a-b c,d", { tokenize: "whitespace", strip: null }, ["a-b", "c,d"]],
    ["whitespace after stripping", "a-b c,d", { tokenize: "whitespace" }, ["a", "b", "c", "d"]],
    ["whitespace keeps emoji", "nice 👍🏽", { tokenize: "whitespace" }, ["nice", "👍🏽"]],
    ["characters: skin-tone emoji and ZWJ sequences stay whole", "👍🏽👨‍👩‍👧", { tokenize: "characters" }, ["👍🏽", "👨‍👩‍👧"]],
    ["characters: a combining mark with no precomposed form stays with its base", "q\u0307a", { tokenize: "characters" }, ["q\u0307", "a"]],
    ["characters: NFKC composes e + acute into one code point", "e\u0301", { tokenize: "characters" }, ["é"]],
    ["characters without normalisation: still one grapheme", "e\u0301", { tokenize: "characters", normalize: null }, ["e\u0301"]],
    ["characters: a space between words is a token", "ab cd", { tokenize: "characters" }, ["a", "b", " ", "c", "d"]],
    ["characters: Japanese", "私は", { tokenize: "characters" }, ["私", "は"]],
    ["a regex's matches are the tokens", "a1 b22 c", { tokenize: { regex: "[a-z]\\d*" } }, ["a1", "b22", "c"]],
    ["a regex that can match empty yields only non-empty tokens", "ab", { tokenize: { regex: "a*" } }, ["a"]],
    ["a regex with \\p classes (flag u)", "abc 日本語", { tokenize: { regex: "\\p{Script=Han}" } }, ["日", "本", "語"]],
    ["an empty text has no tokens", "", {}, []],
    ["punctuation only has no tokens", "...!?", { tokenize: "whitespace" }, []],
  ];
  it.each(cases)("%s", (_, text, overrides, expected) => {
    expect(textToTokens(text, settings(overrides))).toEqual(expected);
  });

  it("splits a longer Japanese sentence into several words", () => {
    const tokens = textToTokens("今日はとても良い天気ですね", settings({ language: "ja" }));
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(tokens.join("")).toBe("今日はとても良い天気ですね");
  });

  const invalid: [string, Partial<TextSettings>, RegExp][] = [
    ["an invalid tokenize regex", { tokenize: { regex: "(" } }, /^tokenize: invalid regex \/\(\/: /],
    ["an invalid strip regex", { strip: { regex: "[" } }, /^strip: invalid regex \/\[\/: /],
    ["a language that is not a BCP 47 tag", { language: "not a tag" }, /^language: 'not a tag' is not a BCP 47 language tag/],
    ["an empty language", { language: "" }, /^language: '' is not a BCP 47 language tag/],
  ];
  it.each(invalid)("rejects %s with NN6020", async (_, overrides, message) => {
    const error = await caught(() => textToTokens("x", settings(overrides)));
    expect(error).toBeInstanceOf(TextError);
    expect(error).toMatchObject({ code: "NN6020", codeName: "InvalidTextSetting" });
    expect((error as TextError).message).toMatch(message);
  });
});
