import type { io, LayersModel } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";
import { concatBytes } from "../io/concat-bytes.js";
import { MODEL_JSON, WEIGHTS_FILE } from "../io/model-directory.js";
import type { ModelIR } from "../ir/types.js";
/** A file of a model directory: its name and contents. */
export interface ModelFile {
  name: string;
  data: string | Uint8Array;
}

/**
 * A model as `nnspec compile` lays it out: model.json in TensorFlow.js's Layers format and its
 * weights file (nnspec.json is the caller's). Weights are named "<layer>/<weight>" in IR order,
 * which is what a freshly built model calls them: tfjs's own model.save uses its variables'
 * process-wide names, which get "_1" suffixes once a process has built the same model twice.
 */
export function modelFiles(tf: Tf, ir: ModelIR, model: LayersModel, weights: ReadonlyMap<string, Float32Array>, prefix = ""): ModelFile[] {
  const specs: io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  for (const layer of ir.layers) {
    for (const spec of layer.weights) {
      const name = `${layer.name}/${spec.name}`;
      const values = weights.get(name)!;
      specs.push({ name, shape: spec.shape, dtype: "float32" });
      chunks.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    }
  }
  const modelJson: io.ModelJSON = {
    modelTopology: model.toJSON(null, false) as io.ModelJSON["modelTopology"],
    format: "layers-model",
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: specs }],
  };
  return [
    { name: `${prefix}${MODEL_JSON}`, data: `${JSON.stringify(modelJson)}\n` },
    { name: `${prefix}${WEIGHTS_FILE}`, data: concatBytes(chunks) },
  ];
}

/** The weights of a model written by modelFiles, keyed "<layer>/<weight>"; a problem when the files do not hold them. */
export function parseModelWeights(modelJson: string, weightsBin: Uint8Array): Map<string, Float32Array> | { problem: string } {
  let parsed: Partial<io.ModelJSON>;
  try {
    parsed = JSON.parse(modelJson) as Partial<io.ModelJSON>;
  } catch {
    return { problem: `${MODEL_JSON} is not valid JSON` };
  }
  const entries = parsed.weightsManifest?.[0]?.weights;
  if (!Array.isArray(entries)) return { problem: `${MODEL_JSON} has no weights manifest` };
  const weights = new Map<string, Float32Array>();
  let offset = 0;
  for (const entry of entries) {
    if (entry.dtype !== "float32") return { problem: `weight '${entry.name}' is ${String(entry.dtype)}, not float32` };
    const end = offset + entry.shape.reduce((a, b) => a * b, 1) * 4;
    if (end > weightsBin.byteLength) return { problem: `${WEIGHTS_FILE} is shorter than ${MODEL_JSON} says` };
    // A copy: a Buffer's slice shares (and may start inside) a larger pool.
    weights.set(entry.name, new Float32Array(new Uint8Array(weightsBin.subarray(offset, end)).buffer));
    offset = end;
  }
  if (offset !== weightsBin.byteLength) return { problem: `${WEIGHTS_FILE} is longer than ${MODEL_JSON} says` };
  return weights;
}
