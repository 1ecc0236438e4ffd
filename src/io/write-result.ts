/** Whether a write happened, and if not, why, in words for a person (`directory 'out' does not exist`). */
export type WriteResult = { ok: true } | { ok: false; reason: string };

/** A unique name for a temporary sibling of `base`: `.base.<pid>.<random>.<suffix>`. */
export function temporaryName(base: string, suffix: string): string {
  const random = Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, "0");
  return `.${base}.${process.pid}.${random}.${suffix}`;
}
