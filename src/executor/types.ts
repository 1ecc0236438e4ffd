import type { BackendChoice } from "../backend/backend.js";
import type { KernelName } from "./kernels/kernel.js";

export type { KernelName } from "./kernels/kernel.js";

/** A tensor as plain data: row-major values and their shape (batch first). */
export interface ArrayTensor {
  data: Int32Array | Float32Array;
  shape: number[];
}

/** An output tensor: its values, shape and dtype. */
export interface OutputTensor {
  data: Float32Array | Int32Array;
  shape: number[];
  dtype: "float32" | "int32";
}

/**
 * The executor's optimisations, each on by default. Turning one off runs the plainer form
 * (for measuring what each gives, and for tests that both forms compute the same).
 */
export interface Optimizations {
  /** Drop identity layers (Dropout, linear Activation) and nodes no output needs. */
  removeDeadNodes: boolean;
  /** Fold an Embedding followed by a linear map (Dense, an RNN's input projection) into one lookup table. */
  foldConstants: boolean;
  /** One matrix product for an RNN's input projection over all time steps, instead of one per step. */
  hoistInputProjection: boolean;
  /** Bias and activation applied inside the matrix product; an LSTM step's element-wise work as one kernel. */
  fuseEpilogue: boolean;
  /** The four LSTM gates of a step from one matrix product, instead of four. */
  fuseGates: boolean;
  /** Bidirectional: one input projection for both directions, each writing its half of the output in place. */
  mergeDirections: boolean;
  /** Buffers reused once their values are dead, per-step scratch reused across steps. */
  reuseBuffers: boolean;
}

export type OptimizationName = keyof Optimizations;

export interface ExecutorOptions {
  /**
   * TensorFlow.js backend, only for what the executor hands to TensorFlow.js (reading weights
   * from a Layers model). The executor's own arithmetic never runs on TensorFlow.js.
   */
  backend?: BackendChoice;
  /** Which kernel: "auto" (default) takes WebAssembly SIMD and falls back to JavaScript when it cannot load. */
  kernel?: "auto" | KernelName;
  /** Threads for independent work (the two directions of a Bidirectional, halves of large products): 1 or 2. Default: 2 on a machine with 2 or more cores, with the WebAssembly kernel. */
  threads?: number;
  /** Optimisations to turn off (all are on by default). */
  optimizations?: Partial<Optimizations>;
}

/** Runs one nnspec model on plain arrays. */
export interface Executor {
  /** Which kernel runs the arithmetic. */
  readonly kernel: KernelName;
  /** Why the WebAssembly kernel is not used, when it is not. */
  readonly fallbackReason?: string;
  /** Threads in use (1: everything on the calling thread). */
  readonly threads: number;
  /** Bytes of kernel memory held now: weights plus the largest activations planned so far. */
  readonly memoryBytes: number;
  /** Computes the model's outputs, by output name. Calls are queued: one runs at a time. */
  predict(inputs: Readonly<Record<string, ArrayTensor>>): Promise<Record<string, OutputTensor>>;
  /** Frees the memory and stops the worker. The executor cannot be used after. */
  dispose(): Promise<void>;
}
