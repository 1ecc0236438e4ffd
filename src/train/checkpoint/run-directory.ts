import { lstat, mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { contains } from "../../io/atomic-directory.js";
import { describeFileError } from "../../io/file-error.js";
import { MANIFEST_FILE } from "../../io/model-directory.js";
import { temporaryName } from "../../io/write-result.js";

/** One file of a run directory, by its path inside it ("history.json", "last/model.json"). */
export interface RunFile {
  name: string;
  data: string | Uint8Array;
}

/**
 * Writes a whole run directory (best model, last state, history, curves) so that it is
 * replaced as one: the files go into a temporary directory beside it, which then takes its
 * place (the old one is renamed aside first and removed after). A reader, or a run stopped
 * at any moment, finds the previous snapshot or the new one, never a mix. Missing parent
 * directories are created. Returns a problem in words, or undefined.
 */
export async function writeRunDirectory(path: string, files: readonly RunFile[]): Promise<string | undefined> {
  const target = await realpath(path).catch(() => resolve(path));
  const parent = dirname(target);
  const temporary = join(parent, temporaryName(basename(target), "tmp"));
  try {
    await mkdir(parent, { recursive: true });
    await mkdir(temporary);
    for (const file of files) {
      const destination = join(temporary, file.name);
      await mkdir(dirname(destination), { recursive: true });
      await writeFile(destination, file.data, { flag: "wx" });
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    return describeFileError(error, parent);
  }
  const aside = join(parent, temporaryName(basename(target), "old"));
  const existing = await lstat(target).catch(() => undefined);
  try {
    if (existing) await rename(target, aside);
    await rename(temporary, target);
  } catch (error) {
    if (existing) await rename(aside, target).catch(() => undefined);
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    return describeFileError(error, parent);
  }
  if (existing) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
  return undefined;
}

/**
 * Why training must not write to `path`, or undefined: an existing directory is replaced only
 * when it is empty or nnspec wrote it (it has nnspec.json), and never when it holds the spec
 * or the data, or the working directory.
 */
export async function runDirectoryRefusal(path: string, keep: readonly string[]): Promise<string | undefined> {
  const existing = await stat(path).catch(() => undefined);
  if (!existing) return undefined;
  if (!existing.isDirectory()) return "it exists and is not a directory";
  const target = resolve(path);
  if (contains(target, process.cwd())) return "it contains the current working directory";
  const inside = keep.find((file) => contains(target, resolve(file)));
  if (inside) return `it contains '${inside}'`;
  const entries = await readdir(path).catch(() => undefined);
  if (entries === undefined) return "it cannot be read";
  if (entries.length === 0 || entries.includes(MANIFEST_FILE)) return undefined;
  return `it was not written by nnspec (it has no ${MANIFEST_FILE})`;
}
