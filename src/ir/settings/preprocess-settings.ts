import type { InputDecl } from "../../parser/ast.js";
import { formatShape } from "../dims.js";
import type { PreprocessConfig } from "../pipeline-types.js";
import type { IRInput } from "../types.js";
import type { Lowering } from "../lower/lowering.js";
import { readSettings, type FieldSpec } from "./read-settings.js";
import { bool, integer, nullable, oneOf, regexCall, text, type SettingValue } from "./setting-values.js";

const NORMAL_FORMS = ["nfkc", "nfc", "nfkd", "nfd"] as const;
const TOKENIZERS = ["whitespace", "words", "characters"] as const;

const fields: Record<string, FieldSpec> = {
  normalize: { read: nullable((v) => oneOf(NORMAL_FORMS, v)) },
  lowercase: { read: bool },
  strip: { read: (v) => regexCall(v) ?? nullable((w: SettingValue) => oneOf(["punctuation"] as const, w))(v), functions: { regex: ["pattern"] } },
  tokenize: { read: (v) => regexCall(v) ?? oneOf(TOKENIZERS, v), functions: { regex: ["pattern"] } },
  language: { read: text },
  vocabulary: { read: text },
  max_size: { read: nullable((v) => integer(v, 3)) },
  min_freq: { read: (v) => integer(v, 1) },
  padding: { read: (v) => oneOf(["pre", "post"] as const, v) },
  truncating: { read: (v) => oneOf(["pre", "post"] as const, v) },
  pad_id: { read: (v) => integer(v, 0) },
  unk_id: { read: (v) => integer(v, 0) },
  pad_token: { read: text },
  unk_token: { read: text },
};

/** Reads `input text: int32[batch, 20] preprocess { … }` into a PreprocessConfig with Keras's defaults. */
export function lowerPreprocess(lowering: Lowering, decl: InputDecl, input: IRInput): PreprocessConfig | undefined {
  if (!decl.preprocess) return undefined;
  const what = `preprocess of '${input.name}'`;
  const { values } = readSettings(lowering, decl.preprocess, fields, what);
  const length = input.shape[1];
  if (input.dtype !== "int32" || input.shape.length !== 2 || typeof length !== "number") {
    lowering.sink.report(
      "PreprocessInputShape",
      `${what}: text becomes token IDs of a fixed length, so the input must be int32[batch, length] with a known length; it is ${input.dtype}${formatShape(input.shape)}`,
      decl.type.span,
    );
    return undefined;
  }
  const get = <T>(name: string, fallback: T): T => (values.has(name) ? (values.get(name) as T) : fallback);
  const config: PreprocessConfig = {
    normalize: get("normalize", "nfkc"),
    lowercase: get("lowercase", true),
    strip: get("strip", "punctuation"),
    tokenize: get("tokenize", "words"),
    language: get("language", "und"),
    vocabulary: { file: get("vocabulary", `${input.name}.vocab.json`), max_size: get("max_size", null), min_freq: get("min_freq", 1) },
    sequence_length: length,
    padding: get("padding", "pre"),
    truncating: get("truncating", "pre"),
    pad_id: get("pad_id", 0),
    unk_id: get("unk_id", 1),
    pad_token: get("pad_token", "<pad>"),
    unk_token: get("unk_token", "<unk>"),
  };
  if (config.pad_id === config.unk_id) {
    lowering.sink.report("InvalidSetting", `${what}: pad_id and unk_id must differ (both are ${config.pad_id})`, decl.preprocess.span);
    return undefined;
  }
  return config;
}
