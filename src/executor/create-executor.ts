import { availableParallelism } from "node:os";
import { BackendError } from "../backend/errors.js";
import { checkGivenWeights } from "../backend/layer-weights.js";
import type { ModelIR } from "../ir/types.js";
import { removeDeadNodes, removeIdentities } from "./graph/simplify-graph.js";
import { bindInputs } from "./inputs.js";
import { chooseKernel } from "./kernels/choose-kernel.js";
import { Arena } from "./plan/arena.js";
import { lowerModel } from "./plan/lower-model.js";
import { PlanCache, SHARED_SECTIONS } from "./plan-cache.js";
import { runSections } from "./run-sections.js";
import { unsupportedLayers } from "./supported-layers.js";
import { KernelWorker } from "./threads/kernel-worker.js";
import type { ArrayTensor, Executor, ExecutorOptions, Optimizations, OutputTensor } from "./types.js";

/** Every optimisation, on. */
export const ALL_OPTIMIZATIONS: Readonly<Optimizations> = {
  removeDeadNodes: true,
  foldConstants: true,
  hoistInputProjection: true,
  fuseEpilogue: true,
  fuseGates: true,
  mergeDirections: true,
  reuseBuffers: true,
};

/**
 * Makes an executor for an IR and its weights (row-major, keyed by weightKey: from
 * initialWeights(ir, seed), or modelWeights(ir, model) for a Layers model's). The IR is simplified, lowered to
 * kernel calls with the weights packed into the kernel's memory, and planned once per set of
 * input shapes. The weights are copied: later changes to the map do not reach the executor.
 * A model with layers the executor does not run (see unsupportedLayers) is refused (NN6007).
 */
export async function createExecutor(ir: ModelIR, weights: ReadonlyMap<string, Float32Array>, options: ExecutorOptions = {}): Promise<Executor> {
  checkGivenWeights(ir, weights);
  const unsupported = unsupportedLayers(ir);
  if (unsupported.length > 0) {
    throw new BackendError("UnsupportedByBackend", unsupported.map(({ layer, reason }) => `layer '${layer}': ${reason}`).join("; "));
  }
  const optimizations: Optimizations = { ...ALL_OPTIMIZATIONS, ...options.optimizations };
  const model = optimizations.removeDeadNodes ? removeDeadNodes(removeIdentities(ir)) : ir;
  const { kernel, module, fallbackReason } = await chooseKernel(options.kernel ?? "auto");
  const arena = new Arena(kernel.memory);
  const threads = module ? threadCount(options.threads) : 1;
  const counters = arena.reserve(2 * SHARED_SECTIONS);
  const lowered = lowerModel(model, weights, arena, kernel.functions, optimizations);
  const worker = threads > 1 && module ? new KernelWorker(module, kernel.memory) : undefined;
  const plans = new PlanCache(model, lowered, arena, threads, optimizations.reuseBuffers, worker, counters);
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;

  async function run(given: Readonly<Record<string, ArrayTensor>>): Promise<Record<string, OutputTensor>> {
    if (disposed) throw new Error("the executor was disposed");
    const bound = bindInputs(model, given);
    const plan = plans.planFor(bound);
    for (const { input, data } of bound) {
      const at = plan.inputs.get(input.id)!.pointer >> 2;
      if (data instanceof Int32Array) arena.i32.set(data, at);
      else arena.f32.set(data, at);
    }
    await runSections(kernel.functions, arena, plan, worker);
    const outputs: Record<string, OutputTensor> = {};
    for (const { name, buffer, dtype } of plan.outputs) {
      const start = buffer.pointer >> 2;
      const count = buffer.shape.reduce((a, b) => a * b, 1);
      const shape = [...buffer.shape];
      outputs[name] = dtype === "float32"
        ? { data: arena.f32.slice(start, start + count), shape, dtype: "float32" }
        : { data: arena.i32.slice(start, start + count), shape, dtype: "int32" };
    }
    return outputs;
  }

  return {
    kernel: kernel.name,
    fallbackReason,
    threads,
    get memoryBytes() {
      return arena.byteLength;
    },
    predict(inputs) {
      // One at a time: every predict uses the same activation memory.
      const result = queue.then(() => run(inputs));
      queue = result.catch(() => undefined);
      return result;
    },
    async dispose() {
      disposed = true;
      await queue;
      await worker?.terminate();
    },
  };
}

/** Two threads where there are two cores, unless asked otherwise; more would find nothing to do. */
function threadCount(requested: number | undefined): number {
  if (requested !== undefined) {
    if (requested !== 1 && requested !== 2) throw new RangeError(`threads must be 1 or 2, not ${requested}`);
    return requested;
  }
  return availableParallelism() >= 2 ? 2 : 1;
}
