import { mkdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { writeFileAtomic } from "./atomic-file.js";
import { describeFileError } from "./file-error.js";
import type { HostTensor } from "./host-tensor.js";
import { nestedFromTensor } from "./nested-array.js";
import { writeNpy } from "./npy.js";
import type { WriteResult } from "./write-result.js";

/** A named output tensor to write. */
export interface NamedTensor extends HostTensor {
  name: string;
}

/**
 * Where outputs go, by the path's form: `*.json` one file `{name: nested arrays}`; `*.npy`
 * one output's array; anything else a directory of `NAME.npy` files, created if missing.
 */
export type OutputTarget = { kind: "json" | "npy" | "directory"; path: string };

/**
 * Decides the target for `path` before anything runs, so a run that cannot write its result
 * fails at once: the target, or why the path cannot take these outputs.
 */
export async function outputTarget(path: string, outputNames: readonly string[]): Promise<OutputTarget | { problem: string }> {
  const extension = extname(path).toLowerCase();
  if (extension === ".json") return { kind: "json", path };
  if (extension === ".npy") {
    if (outputNames.length === 1) return { kind: "npy", path };
    const outputs = `${outputNames.length} outputs (${outputNames.join(", ")})`;
    return { problem: `a .npy file holds one array but the model has ${outputs}: give a directory for NAME.npy files, or a .json file` };
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    return { problem: `'${path}' is neither a .json or .npy file nor a directory` };
  }
  return { kind: "directory", path };
}

/** Writes the outputs to the target; each file is replaced atomically (see writeFileAtomic). */
export async function writeOutputs(target: OutputTarget, outputs: readonly NamedTensor[]): Promise<WriteResult> {
  switch (target.kind) {
    case "json": {
      const record = Object.fromEntries(outputs.map((output) => [output.name, nestedFromTensor(output)]));
      // JSON has no NaN or Infinity: JSON.stringify writes them as null.
      return writeFileAtomic(target.path, `${JSON.stringify(record)}\n`);
    }
    case "npy":
      return writeFileAtomic(target.path, writeNpy(outputs[0]!));
    case "directory": {
      try {
        await mkdir(target.path, { recursive: false });
      } catch (error) {
        const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
        if (code !== "EEXIST") return { ok: false, reason: describeFileError(error) };
      }
      for (const output of outputs) {
        const written = await writeFileAtomic(join(target.path, `${output.name}.npy`), writeNpy(output));
        if (!written.ok) return { ok: false, reason: `${output.name}.npy: ${written.reason}` };
      }
      return { ok: true };
    }
  }
}
