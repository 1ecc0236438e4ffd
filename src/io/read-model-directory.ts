import { readFile } from "node:fs/promises";
import { isAbsolute, join, normalize, sep } from "node:path";
import type { io } from "@tensorflow/tfjs";
import { validateIR } from "../ir/schema.js";
import { concatBytes } from "./concat-bytes.js";
import { DataFileError } from "./data-file-error.js";
import { describeFileError } from "./file-error.js";
import { sizeOf } from "./host-tensor.js";
import { MANIFEST_FILE, MODEL_JSON, type CompiledModelManifest } from "./model-directory.js";

/** A compiled model read from its directory: what nnspec.json says, and the Layers artifacts for tf.loadLayersModel. */
export interface CompiledModel {
  manifest: CompiledModelManifest;
  artifacts: io.ModelArtifacts;
}

/**
 * Reads a directory written by `nnspec compile` (see model-directory.ts) with node:fs. The IR is
 * validated against the schema and the weight files must hold exactly the bytes the manifest
 * lists; any problem is a DataFileError naming the file.
 */
export async function readModelDirectory(directory: string): Promise<CompiledModel> {
  const manifest = parseManifest(await readJson(directory, MANIFEST_FILE));
  const modelJson = parseModelJson(await readJson(directory, MODEL_JSON));
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const chunks: Uint8Array[] = [];
  for (const path of modelJson.weightsManifest.flatMap((group) => group.paths)) {
    chunks.push(await readInside(directory, path));
  }
  const weightData = concatBytes(chunks).buffer;
  const expected = weightSpecs.reduce((sum, spec) => sum + byteSize(spec), 0);
  if (weightData.byteLength !== expected) {
    throw new DataFileError(`the weight files hold ${weightData.byteLength} bytes but ${MODEL_JSON} lists ${expected}`);
  }
  return {
    manifest,
    artifacts: {
      modelTopology: modelJson.modelTopology,
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
      weightSpecs,
      weightData,
    },
  };
}

async function readJson(directory: string, name: string): Promise<unknown> {
  const bytes = await readInside(directory, name);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new DataFileError(`${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads a file the directory names, refusing paths that leave the directory. */
async function readInside(directory: string, name: string): Promise<Uint8Array> {
  const relative = normalize(name);
  if (isAbsolute(relative) || relative === ".." || relative.startsWith(`..${sep}`)) {
    throw new DataFileError(`${MODEL_JSON} names a weight file outside the directory: '${name}'`);
  }
  try {
    return await readFile(join(directory, relative));
  } catch (error) {
    throw new DataFileError(`cannot read ${name}: ${describeFileError(error)}`);
  }
}

function parseManifest(value: unknown): CompiledModelManifest {
  const problem = (what: string): DataFileError => new DataFileError(`${MANIFEST_FILE} ${what}`);
  if (!isRecord(value) || value.format !== "nnspec-model") {
    throw problem('is not an nnspec model manifest (format is not "nnspec-model")');
  }
  if (value.version !== 1) throw problem(`has version ${JSON.stringify(value.version)}; this nnspec reads version 1`);
  if (typeof value.seed !== "number" || typeof value.backend !== "string" || typeof value.nnspec !== "string") {
    throw problem("lacks its seed, backend or nnspec version");
  }
  const source = value.source;
  if (!isRecord(source) || typeof source.file !== "string" || typeof source.sha256 !== "string") throw problem("lacks its source");
  const checked = validateIR(value.ir);
  if (!checked.ok) throw problem(`holds an invalid IR: ${checked.errors.slice(0, 3).join("; ")}`);
  const vocabularies = value.vocabularies;
  const plainName = (name: unknown): boolean => typeof name === "string" && /^[^/\\]+$/.test(name) && name !== "..";
  if (vocabularies !== undefined && !(isRecord(vocabularies) && Object.values(vocabularies).every(plainName))) {
    throw problem('has invalid "vocabularies": expected {input: file name in the directory}');
  }
  return {
    format: "nnspec-model",
    version: 1,
    nnspec: value.nnspec,
    source: { file: source.file, sha256: source.sha256 },
    seed: value.seed,
    backend: value.backend,
    ir: checked.ir,
    // Checked above: every value is a plain file name.
    ...(vocabularies === undefined ? {} : { vocabularies: vocabularies as Record<string, string> }),
  };
}

function parseModelJson(value: unknown): io.ModelJSON {
  if (!isRecord(value) || value.format !== "layers-model" || !isRecord(value.modelTopology)) {
    throw new DataFileError(`${MODEL_JSON} is not a TensorFlow.js Layers model (format "layers-model" with a modelTopology)`);
  }
  const manifest = value.weightsManifest;
  const groups = Array.isArray(manifest) ? manifest : [];
  const wellFormed = groups.every(
    (group) =>
      isRecord(group) &&
      Array.isArray(group.paths) &&
      group.paths.every((path) => typeof path === "string") &&
      Array.isArray(group.weights) &&
      group.weights.every(isWeightEntry),
  );
  if (!Array.isArray(manifest) || !wellFormed) throw new DataFileError(`${MODEL_JSON} has no valid weightsManifest`);
  // Checked above: the fields nnspec reads have the types io.ModelJSON declares.
  return value as unknown as io.ModelJSON;
}

function byteSize(spec: io.WeightsManifestEntry): number {
  const readable = "nnspec reads float32, int32 and bool weights";
  if (spec.quantization !== undefined) throw new DataFileError(`weight ${spec.name} is quantized; ${readable}`);
  const bytes = { float32: 4, int32: 4, bool: 1 }[spec.dtype as string];
  if (bytes === undefined) throw new DataFileError(`weight ${spec.name} has dtype ${spec.dtype}; ${readable}`);
  return sizeOf(spec.shape) * bytes;
}

function isWeightEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.name === "string" &&
    typeof value.dtype === "string" &&
    Array.isArray(value.shape) &&
    value.shape.every((dim) => Number.isSafeInteger(dim) && dim >= 0)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
