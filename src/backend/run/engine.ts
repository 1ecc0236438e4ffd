import type { io } from "@tensorflow/tfjs";
import type { HostTensor } from "../../io/host-tensor.js";
import type { ModelIR } from "../../ir/types.js";
import type { BackendChoice } from "../backend.js";

/** Where a model to run comes from: a spec (weights drawn from the seed) or a compiled directory (weights from its files). */
export type ModelOrigin =
  | { kind: "spec"; ir: ModelIR; seed: number }
  | { kind: "compiled"; ir: ModelIR; artifacts: io.ModelArtifacts; directory: string };

/**
 * Something that runs a model: TensorFlow.js's LayersModel, or another executor. Inputs and
 * outputs are host tensors keyed by the IR's input and output names, so engines are
 * interchangeable and the checks around them do not depend on which one runs.
 */
export interface InferenceEngine {
  /** What computes: the TensorFlow.js backend, or the executor's kernel ("nnspec-wasm-simd"). */
  readonly backend: string;
  /** What a person should know about how it computes (a slower fallback and why). */
  readonly notes: readonly string[];
  predict(inputs: Readonly<Record<string, HostTensor>>): Promise<Record<string, HostTensor>>;
  /** Frees the model's memory; the engine cannot be used afterwards. */
  dispose(): Promise<void>;
}

export interface EngineOptions {
  backend: BackendChoice;
  /**
   * Intermediate tensors to fetch as well, keyed by their tensor id in `predict`'s result.
   * Only the Layers engine fetches them; the nnspec executor returns the outputs alone.
   */
  probes?: readonly string[];
}

/** Makes an engine for a model on a backend. */
export type EngineFactory = (origin: ModelOrigin, options: EngineOptions) => Promise<InferenceEngine>;
