import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describeFileError } from "./file-error.js";
import { temporaryName, type WriteResult } from "./write-result.js";

/**
 * Writes `data` to `path` so that readers see the old file or the new one, never half of it:
 * the data goes to a temporary file in the same directory (so the rename cannot cross file
 * systems) which then replaces `path`. A symbolic link is written through, not replaced.
 * Never throws: a failure leaves no temporary file behind and is described in the result.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<WriteResult> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) return { ok: false, reason: "it is a directory" };
  // Renaming over a device or FIFO would replace it rather than write to it.
  if (existing !== undefined && !existing.isFile()) return { ok: false, reason: "it is not a regular file" };

  const directory = dirname(target);
  const temporary = join(directory, temporaryName(basename(target), "tmp"));
  try {
    await writeFile(temporary, data, { flag: "wx" });
  } catch (error) {
    return { ok: false, reason: describeFileError(error, directory) };
  }
  try {
    await rename(temporary, target);
    return { ok: true };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    return { ok: false, reason: describeFileError(error, directory) };
  }
}
