import type { VocabularyFile } from "../ir/pipeline-types.js";

/** A vocabulary ready for lookups both ways. Token i of the file has ID i. */
export interface Vocabulary {
  readonly file: VocabularyFile;
  /** Number of IDs, reserved ones included: the smallest Embedding input_dim that fits. */
  readonly size: number;
  readonly padId: number;
  readonly unkId: number;
  /**
   * The ID of a token, or unk_id for one not in the vocabulary. The pad token itself maps to
   * unk_id too: a text never produces the padding ID, so padding stays unambiguous.
   */
  idOf(token: string): number;
  /** Whether a token has an ID of its own (the reserved tokens do not count). */
  has(token: string): boolean;
  /** The token of an ID, or undefined outside 0…size-1. */
  tokenOf(id: number): string | undefined;
}

/** Wraps a vocabulary file that is known to be valid (built, or checked by readVocabulary). */
export function createVocabulary(file: VocabularyFile): Vocabulary {
  const { tokens, settings } = file;
  const ids = new Map<string, number>();
  tokens.forEach((token, id) => ids.set(token, id));
  const padId = ids.get(settings.pad_token);
  const unkId = ids.get(settings.unk_token);
  if (padId === undefined || unkId === undefined) throw new Error("createVocabulary: the vocabulary lacks its reserved tokens");
  ids.delete(settings.pad_token);
  ids.delete(settings.unk_token);
  return {
    file,
    size: tokens.length,
    padId,
    unkId,
    idOf: (token) => ids.get(token) ?? unkId,
    has: (token) => ids.has(token),
    tokenOf: (id) => (Number.isInteger(id) && id >= 0 && id < tokens.length ? tokens[id] : undefined),
  };
}
