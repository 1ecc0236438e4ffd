import { ACTIVATION_CODES, isRowwise, type ActivationCode } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { MIN_TASK_FLOPS } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import { placeWindows, type SlidingWindow } from "./conv-window.js";

/** A lowered Conv1D: its kernel packed as [kernel_size · channels, filters], and where its zeros are. */
export interface Conv1dWeights {
  /** The Keras kernel [kernel_size, channels, filters] as one packed matrix. */
  kernel: PackedMatrix;
  channels: number;
  /** 0: no bias. */
  bias: number;
  /** `channels` zeros, read by taps that fall in the padding (0 with padding "valid"). */
  zeros: number;
}

/** Tasks per convolution at most: enough for the threads to even out when one is slowed down. */
const TASKS = 8;

/**
 * Keras's Conv1D, channels last, in one kernel call over all batch rows and steps (no im2col
 * copy: the kernel looks up each tap's input row). Fused (the default), bias and an element-wise
 * activation are applied before the output is stored; softmax kinds run after, along the filters.
 * With two threads, a large convolution is split into tasks by output rows.
 */
export function conv1dOp(
  layer: string,
  input: string,
  output: string,
  window: SlidingWindow,
  weights: Conv1dWeights,
  activation: ActivationCode,
  fuse: boolean,
): ExecOp {
  const filters = weights.kernel.n;
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[x![0]!, placeWindows(window, x![1]!, layer).outLength, filters]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const [batch, length] = x!.shape as [number, number, number];
      const { outLength, padBefore } = placeWindows(window, length, layer);
      const rows = batch * outLength;
      const inside = fuse && !isRowwise(activation) ? activation : ACTIVATION_CODES.linear;
      const run = (e: Emitter, first: number, count: number) =>
        e.call("conv1d", x!.pointer, length, weights.channels, weights.zeros, weights.kernel.pointer, fuse ? weights.bias : 0,
          window.size, window.stride, window.dilation, padBefore, y!.pointer, outLength, filters, first, count, inside);
      const flops = 2 * rows * weights.kernel.k * filters;
      const tasks = emit.threads > 1 ? Math.min(TASKS, Math.floor(flops / MIN_TASK_FLOPS), Math.floor(rows / 4)) : 1;
      if (tasks > 1) {
        // Whole 4-row tiles per task.
        const share = Math.ceil(rows / tasks / 4) * 4;
        const parts: [number, number][] = [];
        for (let first = 0; first < rows; first += share) parts.push([first, Math.min(share, rows - first)]);
        emit.parallel(...parts.map(([first, count]) => (e: Emitter) => run(e, first, count)));
      } else run(emit, 0, rows);
      if (!fuse && weights.bias) emit.call("addRowVector", y!.pointer, filters, weights.bias, rows, filters);
      if (inside !== activation) emit.call("activateRows", y!.pointer, filters, y!.pointer, filters, rows, filters, activation);
    },
  };
}
