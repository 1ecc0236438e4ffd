import type { io } from "@tensorflow/tfjs";
import { concatBytes } from "../../io/concat-bytes.js";
import { sizeOf } from "../../io/host-tensor.js";
import { BackendError } from "../errors.js";

/**
 * The weights of saved Layers artifacts as nnspec's weights map: row-major float32 values
 * keyed by their manifest name, which nnspec writes as weightKey(layer, weight).
 */
export function artifactWeights(artifacts: io.ModelArtifacts, directory: string): Map<string, Float32Array> {
  const data = artifacts.weightData;
  const buffer = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? concatBytes(data).buffer : data;
  const weights = new Map<string, Float32Array>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs ?? []) {
    if (spec.dtype !== "float32") {
      const message = `weight ${spec.name} is ${spec.dtype}; nnspec models have float32 weights`;
      throw new BackendError("InvalidModelDirectory", message, { file: directory });
    }
    const count = sizeOf(spec.shape);
    // slice copies into an aligned buffer: offsets in the file need not be multiples of 4.
    weights.set(spec.name, new Float32Array(buffer.slice(offset, offset + 4 * count)));
    offset += 4 * count;
  }
  return weights;
}

