import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { MIN_TASK_FLOPS, sizeOf } from "../plan/op.js";
import { contiguousStrides, emitStridedCopy } from "./layout-strided.js";

/** LayerNormalization's weights in the arena (0: none) and its epsilon. */
export interface LayerNormSpec {
  /** The normalised axes, counted from the front, increasing. */
  axes: number[];
  gamma: number;
  beta: number;
  epsilon: number;
}

/** Floating-point operations per value normalised, about: for sharing the work among threads. */
const FLOPS_PER_VALUE = 8;

/**
 * Keras's LayerNormalization: each example normalised over `axes` by its own mean and
 * variance, then scaled by gamma and shifted by beta (both spanning the axes). Adjacent axes
 * are one kernel pass over [outer, length, inner] (in blocks of `outer` shared by the threads);
 * otherwise (axis=[1, 3] of a rank-4 input) the normalised axes are moved last first, and back after.
 */
export function layerNormOp(layer: string, input: string, output: string, spec: LayerNormSpec): ExecOp {
  const { axes } = spec;
  const adjacent = axes.every((axis, i) => i === 0 || axis === axes[i - 1]! + 1);

  /** Normalises [outer, length, inner] at `from` into `to`. */
  function normalize(emit: Emitter, from: number, to: number, outer: number, length: number, inner: number): void {
    const tasks = emit.threads > 1 ? Math.min(4, outer, Math.floor((FLOPS_PER_VALUE * outer * length * inner) / MIN_TASK_FLOPS)) : 1;
    const rows = Math.ceil(outer / Math.max(tasks, 1));
    const block = (e: Emitter, first: number) =>
      e.call("layerNormAxis", from + first * length * inner * 4, to + first * length * inner * 4, Math.min(rows, outer - first), length, inner, spec.gamma, spec.beta, spec.epsilon);
    if (tasks < 2) block(emit, 0);
    else emit.parallel(...Array.from({ length: Math.ceil(outer / rows) }, (_, i) => (e: Emitter) => block(e, i * rows)));
  }

  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [[...x!]],
    scratch: ([x]) => (adjacent ? [] : [sizeOf(x!)]),
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[], [moved]: readonly number[]) {
      const shape = x!.shape;
      const length = sizeOf(axes.map((axis) => shape[axis]!));
      if (adjacent) {
        normalize(emit, x!.pointer, y!.pointer, sizeOf(shape.slice(0, axes[0])), length, sizeOf(shape.slice(axes.at(-1)! + 1)));
        return;
      }
      // The other axes first, then the normalised ones, in their order (gamma's layout).
      const order = [...shape.map((_, axis) => axis).filter((axis) => !axes.includes(axis)), ...axes];
      const strides = contiguousStrides(shape);
      const movedShape = order.map((axis) => shape[axis]!);
      emitStridedCopy(emit, x!.pointer, { offset: 0, shape: movedShape, strides: order.map((axis) => strides[axis]!) }, moved!);
      normalize(emit, moved!, moved!, sizeOf(shape) / length, length, 1);
      const movedStrides = contiguousStrides(movedShape);
      const back = shape.map((_, axis) => movedStrides[order.indexOf(axis)]!);
      emitStridedCopy(emit, moved!, { offset: 0, shape: [...shape], strides: back }, y!.pointer);
    },
  };
}
