import { lstat, mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { describeFileError } from "./file-error.js";
import { temporaryName } from "./write-result.js";

/** One file of a directory to write: a plain name (no separators) and its contents. */
export interface DirectoryFile {
  name: string;
  data: string | Uint8Array;
}

export type DirectoryWriteResult =
  | { ok: true }
  /** `refused`: the directory exists and `mayReplace` said no; otherwise the write failed. */
  | { ok: false; refused: boolean; reason: string };

export interface DirectoryWriteOptions {
  /**
   * Asked just before an existing directory is replaced: undefined to go ahead, or the reason
   * not to. Asked at the last moment so that a directory created while the files were being
   * written is judged too.
   */
  mayReplace(directory: string): Promise<string | undefined>;
}

/**
 * Writes a directory of files so that it appears whole or not at all: the files go into a
 * temporary directory beside `path`, which is then renamed into place. An existing directory
 * is first renamed aside and removed once the new one is in place (POSIX has no atomic
 * exchange of two directories, so a reader may find no directory for that instant, never a
 * partial one). A symbolic link to a directory is followed: the directory is replaced, the
 * link kept. Never throws; any failure removes the temporary directory and leaves the old one.
 */
export async function writeDirectoryAtomic(
  path: string,
  files: readonly DirectoryFile[],
  options: DirectoryWriteOptions,
): Promise<DirectoryWriteResult> {
  const target = await realpath(path).catch(() => resolve(path));
  const parent = dirname(target);
  if (contains(target, process.cwd())) {
    return { ok: false, refused: true, reason: "it contains the current working directory" };
  }
  const temporary = join(parent, temporaryName(basename(target), "tmp"));
  const fail = async (error: unknown): Promise<DirectoryWriteResult> => {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    return { ok: false, refused: false, reason: describeFileError(error, parent) };
  };
  try {
    await mkdir(temporary);
  } catch (error) {
    return { ok: false, refused: false, reason: describeFileError(error, parent) };
  }
  try {
    for (const file of files) await writeFile(join(temporary, file.name), file.data, { flag: "wx" });
  } catch (error) {
    return fail(error);
  }

  const existing = await lstat(target).catch(() => undefined);
  if (existing === undefined) {
    try {
      await rename(temporary, target);
      return { ok: true };
    } catch (error) {
      return fail(error);
    }
  }
  const refusal = existing.isDirectory() ? await options.mayReplace(target) : "it exists and is not a directory";
  if (refusal !== undefined) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    return { ok: false, refused: true, reason: refusal };
  }
  const aside = join(parent, temporaryName(basename(target), "old"));
  try {
    await rename(target, aside);
  } catch (error) {
    return fail(error);
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await rename(aside, target).catch(() => undefined);
    return fail(error);
  }
  await rm(aside, { recursive: true, force: true }).catch(() => undefined);
  return { ok: true };
}

/** Is `inner` the directory `outer` or inside it? */
export function contains(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === "" || (path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}
