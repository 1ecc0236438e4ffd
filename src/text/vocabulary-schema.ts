/** The JSON Schema of a vocabulary file (VocabularyFile in src/ir/pipeline-types.ts). */

const regexSetting = {
  type: "object",
  required: ["regex"],
  additionalProperties: false,
  properties: { regex: { type: "string" } },
};

/** How each setting with several forms is described when a file has none of them. */
export const settingForms: Readonly<Record<string, string>> = {
  "/settings/strip": `must be "punctuation", null or {"regex": "…"}`,
  "/settings/tokenize": `must be "whitespace", "words", "characters" or {"regex": "…"}`,
};

export const vocabularySchema = {
  type: "object",
  required: ["format", "version", "settings", "tokens", "counts"],
  additionalProperties: false,
  properties: {
    format: { const: "nnspec-vocabulary" },
    version: { const: 1 },
    settings: {
      type: "object",
      required: ["normalize", "lowercase", "strip", "tokenize", "language", "pad_token", "unk_token"],
      additionalProperties: false,
      properties: {
        normalize: { enum: ["nfkc", "nfc", "nfkd", "nfd", null] },
        lowercase: { type: "boolean" },
        strip: { anyOf: [{ const: "punctuation" }, { type: "null" }, regexSetting] },
        tokenize: { anyOf: [{ enum: ["whitespace", "words", "characters"] }, regexSetting] },
        language: { type: "string", minLength: 1 },
        pad_token: { type: "string", minLength: 1 },
        unk_token: { type: "string", minLength: 1 },
      },
    },
    tokens: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
    counts: { type: "array", items: { type: "integer", minimum: 0 } },
  },
} as const;
