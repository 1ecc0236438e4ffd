import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

/**
 * Gives each test of the calling describe block a fresh temporary directory, removed afterwards.
 * Returns a function resolving names inside it.
 */
export function useTempDir(): (name?: string) => string {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "nnspec-cli-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return (name) => (name === undefined ? dir : join(dir, name));
}
