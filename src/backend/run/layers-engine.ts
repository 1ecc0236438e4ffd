import { prepareExecution } from "../prepare-execution.js";
import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import type { HostData, HostTensor } from "../../io/host-tensor.js";
import { initBackend, type Tf } from "../backend.js";
import { buildModel } from "../build.js";
import { crossCheck } from "../cross-check.js";
import { BackendError } from "../errors.js";
import { quietly } from "../quiet-console.js";
import { releaseSharedReferences } from "../shared-references.js";
import type { EngineFactory, ModelOrigin } from "./engine.js";

/**
 * Runs a model as a tfjs-layers LayersModel: built from the IR for a spec, or loaded with
 * `tf.loadLayersModel` from a compiled directory's artifacts (and cross-checked against the
 * IR in its nnspec.json, so a model.json edited by hand is caught before it runs).
 */
export const createLayersEngine: EngineFactory = async (origin, options) => {
  const { tf, name: backend } = await initBackend(options.backend);
  const built = await quietly(async () =>
    origin.kind === "spec" ? (await buildModel(origin.ir, { seed: origin.seed, backend })).model : loadCompiled(tf, origin),
  );
  const probes = options.probes ?? [];
  const model = probes.length === 0 ? built : withProbes(tf, built, probes);
  const fetched = [...origin.ir.outputs.map((output) => output.name), ...probes];
  return {
    backend,
    notes: [],
    async predict(inputs) {
      const outputs = tf.tidy(() => {
        const xs = origin.ir.inputs.map((input) => {
          const { data, shape, dtype } = inputs[input.name]!;
          return tf.tensor(data, shape, dtype);
        });
        const ys = model.predict(xs.length === 1 ? xs[0]! : xs);
        return Array.isArray(ys) ? ys : [ys];
      });
      try {
        const entries = await Promise.all(fetched.map(async (name, i) => [name, await download(outputs[i]!)] as const));
        return Object.fromEntries(entries);
      } finally {
        tf.dispose(outputs);
      }
    },
    // The probing model shares the built one's layers: disposing the built model frees them.
    dispose: async () => void built.dispose(),
  };
};

/** The model with the tensors of `probes` (IR ids `<layer>/<call>:<index>`) as extra outputs. */
function withProbes(tf: Tf, model: LayersModel, probes: readonly string[]): LayersModel {
  const tensors = probes.map((id) => {
    const match = /^(.*)\/(\d+):(\d+)$/.exec(id);
    const node = match === null ? undefined : model.getLayer(match[1]!).inboundNodes[Number(match[2])];
    const tensor = node?.outputTensors[Number(match![3])];
    if (tensor === undefined) throw new BackendError("InternalError", `the model has no tensor '${id}'`);
    return tensor;
  });
  return tf.model({ inputs: model.inputs, outputs: [...model.outputs, ...tensors] });
}

async function loadCompiled(tf: Tf, origin: Extract<ModelOrigin, { kind: "compiled" }>): Promise<LayersModel> {
  let model: LayersModel;
  try {
    model = await tf.loadLayersModel({ load: async () => origin.artifacts }, { strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BackendError("InvalidModelDirectory", `TensorFlow.js cannot load model.json: ${message}`, { file: origin.directory });
  }
  releaseSharedReferences(model.layers);
  prepareExecution(tf, model);
  const problems = crossCheck(model, origin.ir);
  if (problems.length > 0) {
    model.dispose();
    throw new BackendError("InvalidModelDirectory", `model.json does not match the IR in nnspec.json: ${problems.slice(0, 3).join("; ")}`, {
      file: origin.directory,
    });
  }
  return model;
}

async function download(tensor: Tensor): Promise<HostTensor> {
  const dtype = tensor.dtype === "int32" || tensor.dtype === "bool" ? tensor.dtype : "float32";
  // tfjs gives Float32Array, Int32Array or Uint8Array for these dtypes.
  const data = (await tensor.data()) as HostData;
  return { dtype, data, shape: tensor.shape };
}
