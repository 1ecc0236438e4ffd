import { closestName } from "../ir/suggest.js";

/** "; did you mean 'x'?" or "", ready to append to an error message (the same suggestions as the checker's). */
export function didYouMean(input: string, candidates: readonly string[], quote = (s: string) => s): string {
  const match = closestName(input, candidates);
  return match === undefined ? "" : `; did you mean '${quote(match)}'?`;
}
