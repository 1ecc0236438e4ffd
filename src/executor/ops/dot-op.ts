import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { MIN_TASK_FLOPS, sizeOf } from "../plan/op.js";

/** How one Dot input is read: the contracted axis, the free axis (if rank 3), and their strides. */
interface Operand {
  contracted: number;
  /** Size of the free axis (1 when the input is [batch, k]). */
  free: number;
  strideK: number;
  strideFree: number;
}

function operand(shape: readonly number[], axis: number): Operand {
  if (shape.length === 2) return { contracted: shape[1]!, free: 1, strideK: 1, strideFree: 0 };
  const other = axis === 1 ? 2 : 1;
  return { contracted: shape[axis]!, free: shape[other]!, strideK: axis === 2 ? 1 : shape[2]!, strideFree: other === 2 ? 1 : shape[2]! };
}

/**
 * Keras's Dot on inputs of rank 2 or 3: per batch row, the product of a's free axis with b's
 * free axis over the contracted ones, read in place with strides (no transposes). normalize
 * L2-normalises each input along its contracted axis first, as tfjs-layers does.
 */
export function dotOp(layer: string, inputs: readonly string[], output: string, axes: [number, number], normalize: boolean): ExecOp {
  return {
    layer,
    inputs,
    outputs: [output],
    shapes([a, b]) {
      const shape = [a![0]!, ...a!.filter((_, i) => i !== 0 && i !== axes[0]), ...b!.filter((_, i) => i !== 0 && i !== axes[1])];
      return [shape.length === 1 ? [shape[0]!, 1] : shape];
    },
    scratch: ([a, b]) => (normalize ? [sizeOf(a!), sizeOf(b!)] : []),
    emit(emit: Emitter, [a, b]: readonly BufferRef[], [out]: readonly BufferRef[], scratch: readonly number[]) {
      let [pa, pb] = [a!.pointer, b!.pointer];
      if (normalize) {
        pa = normalized(emit, a!, axes[0], scratch[0]!);
        pb = normalized(emit, b!, axes[1], scratch[1]!);
      }
      const x = operand(a!.shape, axes[0]);
      const y = operand(b!.shape, axes[1]);
      const batch = a!.shape[0]!;
      const run = (e: Emitter, from: number, count: number) => {
        const [sa, sb] = [sizeOf(a!.shape) / batch, sizeOf(b!.shape) / batch];
        e.call("batchMatmul", pa + from * sa * 4, sa, x.strideFree, x.strideK, pb + from * sb * 4, sb, y.strideK, y.strideFree,
          out!.pointer + from * x.free * y.free * 4, count, x.free, y.free, x.contracted);
      };
      // With two threads, a few batch rows per task.
      const flops = 2 * batch * x.free * y.free * x.contracted;
      const tasks = emit.threads > 1 ? Math.min(4, batch, Math.floor(flops / MIN_TASK_FLOPS)) : 1;
      if (tasks > 1) {
        const rows = Math.ceil(batch / tasks);
        const parts: [number, number][] = [];
        for (let from = 0; from < batch; from += rows) parts.push([from, Math.min(rows, batch - from)]);
        emit.parallel(...parts.map(([from, count]) => (e: Emitter) => run(e, from, count)));
      } else run(emit, 0, batch);
    },
  };
}

function normalized(emit: Emitter, x: BufferRef, axis: number, into: number): number {
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  emit.call("l2NormalizeAxis", x.pointer, into, outer, x.shape[axis]!, inner);
  return into;
}
