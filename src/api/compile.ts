import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { BackendName } from "../backend/backend.js";
import { BackendError } from "../backend/errors.js";
import { packageVersion } from "../cli/version.js";
import { writeFileAtomic } from "../io/atomic-file.js";
import { contains, writeDirectoryAtomic } from "../io/atomic-directory.js";
import { MANIFEST_FILE, type CompiledModelManifest } from "../io/model-directory.js";
import { validateIR } from "../ir/schema.js";
import type { ModelIR } from "../ir/types.js";
import { randomSeed, resolveIR, type BuildApiOptions, type ResolvedIR } from "./build.js";
import type { CheckOptions } from "./check.js";
import { compiledVocabularies } from "./compile-vocabularies.js";

export interface CompileOptions extends BuildApiOptions {
  /** Replace the directory even when nnspec did not write it (it has no nnspec.json). */
  force?: boolean;
}

export interface CompileResult extends ResolvedIR {
  directory: string;
  /** The files written, by name within the directory. */
  files: string[];
  backend: BackendName;
  seed: number;
}

/**
 * Compiles a spec (or its IR) into a directory: model.json and its weights in TensorFlow.js's
 * Layers format (written by tfjs's own model.save), the vocabulary of each input that takes
 * text (checked first: a missing one is BackendError VocabularyFileError), and nnspec.json
 * (see io/model-directory.ts).
 * The directory appears whole or not at all. A spec with errors throws SpecError and writes
 * nothing; an existing directory that nnspec did not write is kept unless `force` (BackendError
 * OutputExists); a failed write is BackendError OutputWriteError.
 */
export async function compileToDirectory(
  irOrSource: ModelIR | string,
  directory: string,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const resolved = resolveIR(irOrSource, options);
  const file = resolved.ir.source.file;
  const mayReplace = (existing: string): Promise<string | undefined> => replaceRefusal(existing, file, options.force ?? false);
  // Refuse before building: the build is the slow part.
  const existing = await stat(directory).catch(() => undefined);
  if (existing !== undefined) {
    const refusal = existing.isDirectory() ? await mayReplace(directory) : "it exists and is not a directory";
    if (refusal !== undefined) throw new BackendError("OutputExists", `will not replace '${directory}': ${refusal}`, { file: directory });
  }
  const text = await compiledVocabularies(resolved.ir, file);

  const { buildModel, initBackend, modelFiles, readWeights } = await import("../backend/index.js");
  const seed = options.seed ?? randomSeed();
  const { model, backend } = await buildModel(resolved.ir, { seed, backend: options.backend ?? "auto" });
  let saved: ReturnType<typeof modelFiles>;
  try {
    // Weights named "<layer>/<weight>" in IR order: tfjs's own save uses process-wide variable
    // names, which get "_1" suffixes once a process has built the same model twice.
    const { tf } = await initBackend(backend);
    saved = modelFiles(tf, resolved.ir, model, readWeights(resolved.ir, model));
  } finally {
    model.dispose();
  }
  const manifest: CompiledModelManifest = {
    format: "nnspec-model",
    version: 1,
    nnspec: packageVersion(),
    source: resolved.ir.source,
    seed,
    backend,
    ir: resolved.ir,
    ...(text.vocabularies && { vocabularies: text.vocabularies }),
  };
  const files = [...saved, ...text.files, { name: MANIFEST_FILE, data: `${JSON.stringify(manifest, null, 2)}\n` }];
  const written = await writeDirectoryAtomic(directory, files, { mayReplace });
  if (!written.ok) {
    const code = written.refused ? "OutputExists" : "OutputWriteError";
    const what = written.refused ? "will not replace" : "cannot write";
    throw new BackendError(code, `${what} '${directory}': ${written.reason}`, { file: directory });
  }
  return { ...resolved, directory, files: files.map((f) => f.name), backend, seed };
}

/**
 * Why an existing directory must not be replaced, or undefined. nnspec's own output (with
 * nnspec.json) and empty directories may be; others only when forced; never one holding the spec.
 */
async function replaceRefusal(directory: string, specFile: string, force: boolean): Promise<string | undefined> {
  if (contains(resolve(directory), resolve(specFile))) return `it contains the spec file '${specFile}'`;
  if (force) return undefined;
  const entries = await readdir(directory).catch(() => undefined);
  if (entries === undefined) return "it cannot be read";
  if (entries.length === 0) return undefined;
  const manifest = await stat(join(directory, MANIFEST_FILE)).catch(() => undefined);
  if (manifest?.isFile()) return undefined;
  return `it was not written by nnspec (it has no ${MANIFEST_FILE}); --force replaces it`;
}

/**
 * Writes a spec's IR as JSON (validated against schemas/ir.schema.json first), atomically.
 * A spec with errors throws SpecError and writes nothing; a failed write is OutputWriteError.
 */
export async function emitIR(irOrSource: ModelIR | string, path: string, options: CheckOptions = {}): Promise<ResolvedIR> {
  const resolved = resolveIR(irOrSource, options);
  const checked = validateIR(JSON.parse(JSON.stringify(resolved.ir)));
  if (!checked.ok) throw new BackendError("InternalError", `the IR of the spec does not match the schema: ${checked.errors.join("; ")}`);
  const written = await writeFileAtomic(path, `${JSON.stringify(resolved.ir, null, 2)}\n`);
  if (!written.ok) throw new BackendError("OutputWriteError", `cannot write '${path}': ${written.reason}`, { file: path });
  return resolved;
}
