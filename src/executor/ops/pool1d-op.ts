import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { placeWindows, type SlidingWindow } from "./conv-window.js";

/** Keras's MaxPooling1D and AveragePooling1D over [batch, steps, features]: one kernel call. */
export function pool1dOp(layer: string, input: string, output: string, window: SlidingWindow, average: boolean): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[x![0]!, placeWindows(window, x![1]!, layer).outLength, x![2]!]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const [batch, length, channels] = x!.shape as [number, number, number];
      const { outLength, padBefore } = placeWindows(window, length, layer);
      emit.call("pool1d", x!.pointer, batch, length, channels, window.size, window.stride, padBefore, y!.pointer, outLength, average ? 1 : 0);
    },
  };
}

/** Keras's GlobalMaxPooling1D and GlobalAveragePooling1D: one window over all steps, [batch, steps, features] → [batch, features]. */
export function globalPool1dOp(layer: string, input: string, output: string, average: boolean): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[x![0]!, x![2]!]],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const [batch, length, channels] = x!.shape as [number, number, number];
      emit.call("pool1d", x!.pointer, batch, length, channels, length, Math.max(length, 1), 0, y!.pointer, 1, average ? 1 : 0);
    },
  };
}
