import type { Tensor } from "@tensorflow/tfjs";
import type { BackendName } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import type { ArrayTensor } from "../../src/executor/types.js";
import type { ModelIR } from "../../src/ir/types.js";

/** What nnspec's Layers model (buildModel) predicts for these weights and inputs, by output name. */
export async function layersPredict(
  ir: ModelIR,
  weights: ReadonlyMap<string, Float32Array>,
  inputs: Record<string, ArrayTensor>,
  backend: BackendName = "cpu",
): Promise<Record<string, { data: Float32Array | Int32Array; shape: number[] }>> {
  const { model } = await buildModel(ir, { weights, backend });
  const tf = await import("@tensorflow/tfjs");
  const tensors = ir.inputs.map((input) => tf.tensor(inputs[input.name]!.data, inputs[input.name]!.shape, input.dtype === "int32" ? "int32" : "float32"));
  try {
    const predicted = model.predict(tensors);
    const outputs = (Array.isArray(predicted) ? predicted : [predicted]) as Tensor[];
    const result: Record<string, { data: Float32Array | Int32Array; shape: number[] }> = {};
    for (const [i, output] of ir.outputs.entries()) {
      result[output.name] = { data: (await outputs[i]!.data()) as Float32Array | Int32Array, shape: outputs[i]!.shape };
    }
    tf.dispose(outputs);
    return result;
  } finally {
    tf.dispose(tensors);
    model.dispose();
  }
}

/** The largest difference between two arrays relative to the reference's largest magnitude. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]!));
    const difference = Math.abs(actual[i]! - expected[i]!);
    // NaN never passes.
    worst = Number.isNaN(difference) ? Infinity : Math.max(worst, difference);
  }
  return scale === 0 ? worst : worst / scale;
}
