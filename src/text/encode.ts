import { padSequences } from "./pad-sequences.js";
import { TextError, textWarning, type TextWarning } from "./text-error.js";
import { createTextPipeline } from "./text-pipeline.js";
import type { EncodeSettings } from "./text-settings.js";
import type { Vocabulary } from "./vocabulary.js";

/** A batch of texts as a model input. */
export interface EncodedTexts {
  /** Row-major int32 IDs, `shape[0]` rows of `shape[1]` (the input's sequence_length). */
  ids: Int32Array;
  shape: [number, number];
  /** Each text's tokens before truncation, as the vocabulary saw them. */
  tokens: string[][];
  /** How many tokens of each text were not in the vocabulary (now unk_id). */
  unknown: number[];
  /** Texts worth a warning: no tokens at all (NN6022), only unknown tokens (NN6023). */
  warnings: TextWarning[];
}

/**
 * Raw texts → padded token IDs, as the model's int32[batch, sequence_length] input: the text
 * pipeline, then vocabulary lookup (unknown tokens → unk_id), then Keras pad_sequences with
 * the spec's padding, truncating and pad_id. Throws a TextError (NN6021) for a text that is
 * empty or only white space: that is almost always a broken input file, not a sentence.
 */
export function encode(texts: readonly string[], settings: EncodeSettings, vocabulary: Vocabulary): EncodedTexts {
  const toTokens = createTextPipeline(settings);
  const tokens: string[][] = [];
  const sequences: number[][] = [];
  const unknown: number[] = [];
  const warnings: TextWarning[] = [];
  texts.forEach((text, index) => {
    if (text.trim() === "") {
      const what = text === "" ? "empty" : "only white space";
      throw new TextError("EmptyText", `text ${index + 1} of ${texts.length} is ${what}`, { index });
    }
    const textTokens = toTokens(text);
    const ids = textTokens.map((token) => vocabulary.idOf(token));
    const misses = ids.filter((id) => id === vocabulary.unkId).length;
    if (textTokens.length === 0) {
      warnings.push(textWarning("TextWithoutTokens", `text ${index + 1} has no tokens after preprocessing: ${quote(text)}`, index));
    } else if (misses === textTokens.length) {
      warnings.push(textWarning("AllTokensUnknown", `every token of text ${index + 1} is unknown to the vocabulary: ${quote(text)}`, index));
    }
    tokens.push(textTokens);
    sequences.push(ids);
    unknown.push(misses);
  });
  const { values, shape } = padSequences(sequences, {
    maxlen: settings.sequence_length,
    padding: settings.padding,
    truncating: settings.truncating,
    value: settings.pad_id,
  });
  return { ids: values, shape, tokens, unknown, warnings };
}

/**
 * IDs back to tokens, one list per row, without the padding: what the model was given.
 * Accepts encode's result or plain rows. An ID outside the vocabulary is a TextError (NN6005).
 */
export function decode(ids: { ids: Int32Array; shape: [number, number] } | readonly ArrayLike<number>[], vocabulary: Vocabulary): string[][] {
  const rows = "shape" in ids ? splitRows(ids.ids, ids.shape) : ids;
  return rows.map((row, index) =>
    Array.from(row)
      .filter((id) => id !== vocabulary.padId)
      .map((id) => {
        const token = vocabulary.tokenOf(id);
        if (token === undefined) {
          throw new TextError("TokenOutOfVocabulary", `row ${index + 1}: ID ${id} is outside the vocabulary (0…${vocabulary.size - 1})`, { index });
        }
        return token;
      }),
  );
}

function splitRows(values: Int32Array, [rows, columns]: [number, number]): Int32Array[] {
  return Array.from({ length: rows }, (_, row) => values.subarray(row * columns, (row + 1) * columns));
}

/** A text in a message: quoted, shortened, and on one line. */
function quote(text: string): string {
  const line = text.replace(/\s+/gu, " ").trim();
  const characters = Array.from(line);
  return JSON.stringify(characters.length > 60 ? `${characters.slice(0, 57).join("")}…` : line);
}
