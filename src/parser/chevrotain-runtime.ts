import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as Chevrotain from "chevrotain";

/**
 * chevrotain's package entry loads its sources file by file (with lodash-es): about 400 ms.
 * The same API ships prebundled in one file that loads in about 25 ms, and `nnspec check`
 * must start fast, so the bundle is used when it is there; the entry point otherwise.
 */
async function loadChevrotain(): Promise<typeof Chevrotain> {
  try {
    const entry = createRequire(import.meta.url).resolve("chevrotain"); // …/lib/src/api.js
    return (await import(pathToFileURL(join(dirname(entry), "..", "chevrotain.mjs")).href)) as typeof Chevrotain;
  } catch {
    return import("chevrotain");
  }
}

export const chevrotain = await loadChevrotain();
