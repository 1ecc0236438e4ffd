import { randomBytes } from "node:crypto";
import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Whether a write happened, and if not, why, in words for a person (`directory 'out' does not exist`). */
export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Writes `text` to `path` so that readers see the old file or the new one, never half of it:
 * the text goes to a temporary file in the same directory (so the rename cannot cross file
 * systems) which then replaces `path`. A symbolic link is written through, not replaced.
 * Never throws: a failure leaves no temporary file behind and is described in the result.
 */
export async function writeFileAtomic(path: string, text: string): Promise<WriteResult> {
  const target = await realpath(path).catch(() => path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) return { ok: false, reason: "it is a directory" };
  // Renaming over a device or FIFO would replace it rather than write to it.
  if (existing !== undefined && !existing.isFile()) return { ok: false, reason: "it is not a regular file" };

  const directory = dirname(target);
  const temporary = join(directory, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
  } catch (error) {
    return { ok: false, reason: describeWriteError(error, directory) };
  }
  try {
    await rename(temporary, target);
    return { ok: true };
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    return { ok: false, reason: describeWriteError(error, directory) };
  }
}

function describeWriteError(error: unknown, directory: string): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  switch (code) {
    case "ENOENT":
      return `directory '${directory}' does not exist`;
    case "ENOTDIR":
      return `'${directory}' is not a directory`;
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
