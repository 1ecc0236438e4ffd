import type { VocabularyFile } from "../ir/pipeline-types.js";
import { checkReservedTokens } from "./reserved-tokens.js";
import { TextError } from "./text-error.js";
import { createTextPipeline } from "./text-pipeline.js";
import type { VocabularySettings } from "./text-settings.js";

/** The `max_size` and `min_freq` of `vocabulary = …` in a preprocess block. */
export interface VocabularyLimits {
  /** At most this many IDs, the two reserved ones included (like Keras's num_words); null: no limit. */
  maxSize: number | null;
  /** Tokens seen fewer times than this in the corpus are left out and become unk_token. */
  minFreq: number;
}

/** How far counting has got; the last report has `done: true`. */
export interface VocabularyProgress {
  lines: number;
  /** Tokens counted so far, repeats included. */
  tokens: number;
  /** Different tokens seen so far. */
  distinct: number;
  /** Set on the last report: how many different tokens made it into the vocabulary. */
  kept?: number;
  done: boolean;
}

/** Lines between progress reports: often enough for a terminal, rare enough to cost nothing. */
const PROGRESS_EVERY = 1000;

/**
 * Counts the tokens of a corpus (each line one text) and keeps the most frequent ones.
 * The order, and so each token's ID, is by count, highest first; equal counts keep the order
 * in which the tokens first appear in the corpus, so the same corpus always gives the same
 * file. Tokens seen fewer than `minFreq` times are dropped. The reserved tokens take pad_id
 * and unk_id (0 and 1 by default), the kept tokens fill the other IDs in order, and the whole
 * is at most `maxSize` IDs. A corpus occurrence of a reserved token counts for nothing.
 */
export async function buildVocabulary(
  lines: AsyncIterable<string> | Iterable<string>,
  settings: VocabularySettings,
  limits: VocabularyLimits,
  onProgress?: (progress: VocabularyProgress) => void,
): Promise<VocabularyFile> {
  checkReservedTokens(settings);
  checkLimits(limits, settings);
  const toTokens = createTextPipeline(settings);
  // A Map iterates in insertion order, which is the order of first occurrence.
  const counts = new Map<string, number>();
  const progress: VocabularyProgress = { lines: 0, tokens: 0, distinct: 0, done: false };
  for await (const line of lines) {
    for (const token of toTokens(line)) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      progress.tokens++;
    }
    progress.lines++;
    if (onProgress !== undefined && progress.lines % PROGRESS_EVERY === 0) onProgress({ ...progress, distinct: counts.size });
  }
  const distinct = counts.size;
  counts.delete(settings.pad_token);
  counts.delete(settings.unk_token);

  // Array.prototype.sort is stable: equal counts stay in first-occurrence order.
  const ranked = [...counts].filter(([, count]) => count >= limits.minFreq).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) throw new TextError("EmptyCorpus", emptyMessage(progress.lines, counts, limits.minFreq));

  const size = Math.min(limits.maxSize ?? Infinity, ranked.length + 2);
  const highest = Math.max(settings.pad_id, settings.unk_id);
  if (highest >= size) {
    const name = settings.pad_id > settings.unk_id ? "pad_id" : "unk_id";
    throw new TextError("InvalidTextSetting", `${name} ${highest} is outside the vocabulary, which has ${size} IDs`);
  }
  const tokens: string[] = [];
  const kept: number[] = [];
  let next = 0;
  for (let id = 0; id < size; id++) {
    if (id === settings.pad_id || id === settings.unk_id) {
      tokens.push(id === settings.pad_id ? settings.pad_token : settings.unk_token);
      kept.push(0);
    } else {
      const [token, count] = ranked[next++];
      tokens.push(token);
      kept.push(count);
    }
  }
  onProgress?.({ ...progress, distinct, kept: size - 2, done: true });
  const { normalize, lowercase, strip, tokenize, language, pad_token, unk_token } = settings;
  return {
    format: "nnspec-vocabulary",
    version: 1,
    settings: { normalize, lowercase, strip, tokenize, language, pad_token, unk_token },
    tokens,
    counts: kept,
  };
}

function checkLimits(limits: VocabularyLimits, settings: VocabularySettings): void {
  const { maxSize, minFreq } = limits;
  if (maxSize !== null && (!Number.isInteger(maxSize) || maxSize < 3)) {
    throw new TextError("InvalidTextSetting", `max_size must be an integer of at least 3 (two reserved IDs and one token), got ${maxSize}`);
  }
  if (maxSize !== null && Math.max(settings.pad_id, settings.unk_id) >= maxSize) {
    throw new TextError("InvalidTextSetting", `max_size ${maxSize} leaves no room for pad_id ${settings.pad_id} and unk_id ${settings.unk_id}`);
  }
  if (!Number.isInteger(minFreq) || minFreq < 1) {
    throw new TextError("InvalidTextSetting", `min_freq must be a positive integer, got ${minFreq}`);
  }
}

function emptyMessage(lines: number, counts: ReadonlyMap<string, number>, minFreq: number): string {
  const lineCount = `${lines} line${lines === 1 ? "" : "s"}`;
  if (counts.size === 0) return `the corpus has no tokens (${lineCount} read)`;
  let best: [string, number] = ["", 0];
  for (const entry of counts) if (entry[1] > best[1]) best = entry;
  return `no token occurs at least min_freq=${minFreq} times (the most frequent, '${best[0]}', occurs ${best[1]} time${best[1] === 1 ? "" : "s"})`;
}
