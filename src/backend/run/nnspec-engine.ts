import type { HostTensor } from "../../io/host-tensor.js";
import { initialWeights } from "../init/initial-weights.js";
import { artifactWeights } from "./artifact-weights.js";
import type { EngineFactory } from "./engine.js";

/**
 * Runs a model on nnspec's own executor (src/executor): the IR with its weights, drawn from
 * the seed for a spec or read from a compiled directory's weight file. TensorFlow.js is not
 * involved; the backend reported is the executor's kernel ("nnspec-wasm-simd", "nnspec-js").
 */
export const createNnspecEngine: EngineFactory = async (origin) => {
  const { createExecutor } = await import("../../executor/index.js");
  const weights = origin.kind === "spec" ? initialWeights(origin.ir, origin.seed) : artifactWeights(origin.artifacts, origin.directory);
  const executor = await createExecutor(origin.ir, weights);
  const fallback = executor.fallbackReason;
  return {
    backend: `nnspec-${executor.kernel}`,
    notes: fallback === undefined ? [] : [`the nnspec executor runs on its ${executor.kernel} kernel: ${fallback}`],
    async predict(inputs) {
      // The executor takes int32 and float32; bool inputs go in as 0/1 integers.
      const given = Object.fromEntries(
        Object.entries(inputs).map(([name, { data, shape }]) => [
          name,
          { data: data instanceof Uint8Array ? Int32Array.from(data) : data, shape },
        ]),
      );
      const outputs = await executor.predict(given);
      return Object.fromEntries(Object.entries(outputs).map(([name, output]): [string, HostTensor] => [name, output]));
    },
    dispose: () => executor.dispose(),
  };
};
