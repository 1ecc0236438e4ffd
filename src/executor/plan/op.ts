import type { KernelFunctionName, KernelFunctions } from "../kernels/kernel.js";

/** A buffer in the arena holding one tensor of a concrete shape. */
export interface BufferRef {
  pointer: number;
  shape: number[];
}

/** Where an op's kernel calls go: in order, or as two branches that may run at the same time. */
export interface Emitter {
  call<F extends KernelFunctionName>(fn: F, ...args: Parameters<KernelFunctions[F]>): void;
  /** Work that must happen on the main thread between calls (checks that read the arena). */
  host(run: () => void): void;
  /** Independent lists of calls (tasks), which the threads share out among themselves. */
  parallel(...tasks: ((emit: Emitter) => void)[]): void;
  /** Threads there are to run parallel tasks (with 1, they run one after the other). */
  readonly threads: number;
}

/**
 * One step of a compiled model: usually one IR node, lowered with its weights in the arena.
 * Shapes are concrete (numbers) here: the plan for each set of input shapes asks every op for
 * its output shapes and the scratch it needs, places all buffers, then has each op emit its calls.
 */
export interface ExecOp {
  /** The IR layer this op computes, for messages. */
  readonly layer: string;
  /** Value ids read and written (IR tensor ids). */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Output shapes for concrete input shapes. */
  shapes(inputs: readonly number[][]): number[][];
  /** Sizes in floats of the scratch buffers this op needs while it runs (freed right after). */
  scratch(inputs: readonly number[][]): number[];
  emit(emit: Emitter, inputs: readonly BufferRef[], outputs: readonly BufferRef[], scratch: readonly number[]): void;
}

/**
 * Floating-point operations a parallel task should have at least: about a quarter of a
 * millisecond. Smaller tasks cost more to hand to the other thread (and to wait for, when
 * another process holds the other core) than they save.
 */
export const MIN_TASK_FLOPS = 8e6;

/** The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

/**
 * An op with one input and one output of the same shape and no scratch (element-wise maps,
 * per-row normalisations, masks from IDs): `run` emits its kernel calls.
 */
export function sameShapeOp(layer: string, input: string, output: string, run: (emit: Emitter, x: BufferRef, y: BufferRef) => void): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[...x!]],
    scratch: () => [],
    emit: (emit, [x], [y]) => run(emit, x!, y!),
  };
}
