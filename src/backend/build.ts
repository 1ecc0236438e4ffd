import { randomInt } from "node:crypto";
import type { LayersModel } from "@tensorflow/tfjs";
import type { ModelIR } from "../ir/types.js";
import { assembleGraph } from "./assemble-graph.js";
import { prepareExecution } from "./prepare-execution.js";
import { initBackend, type BackendChoice, type BackendName } from "./backend.js";
import { crossCheck } from "./cross-check.js";
import { BackendError } from "./errors.js";
import { initialWeights } from "./init/initial-weights.js";
import { checkGivenWeights, setLayerWeights } from "./layer-weights.js";
import { lowerLayers } from "./lowered-layer.js";

export interface BuildOptions {
  /** Seed of the initial weights: the same seed gives the same weights on every backend. Random if absent. */
  seed?: number;
  /** Default "auto". */
  backend?: BackendChoice;
  /** Weights to use instead of initial ones (the seed is then ignored): row-major, keyed by weightKey(layer, weight), all of them. */
  weights?: ReadonlyMap<string, Float32Array>;
}

export interface BuiltModel {
  model: LayersModel;
  /** The backend that is active. */
  backend: BackendName;
  /** The seed the weights were drawn with; absent when weights were given. */
  seed?: number;
}

/**
 * Builds a tfjs LayersModel from the IR: one tfjs layer per IR layer (shared layers are one
 * layer applied several times), wired with the functional API, weights from nnspec's seeded
 * initialisers (or `options.weights`). TensorFlow.js's view of every weight and tensor shape
 * is checked against the IR first; a difference is a bug in nnspec (BackendError InternalError).
 * model.dispose() frees all of it.
 */
export async function buildModel(ir: ModelIR, options: BuildOptions = {}): Promise<BuiltModel> {
  const { tf, name: backend } = await initBackend(options.backend ?? "auto");
  let seed: number | undefined;
  let weights = options.weights;
  if (weights) checkGivenWeights(ir, weights);
  else {
    seed = options.seed ?? randomInt(2 ** 32);
    weights = initialWeights(ir, seed);
  }
  const layers = lowerLayers(tf, ir);
  const model = assembleGraph(tf, ir, layers);
  prepareExecution(tf, model);
  const problems = crossCheck(model, ir);
  if (problems.length > 0) {
    model.dispose();
    throw new BackendError("InternalError", `TensorFlow.js built a different model than nnspec inferred: ${problems.join("; ")}`);
  }
  setLayerWeights(tf, ir, layers, weights);
  return seed === undefined ? { model, backend } : { model, backend, seed };
}
