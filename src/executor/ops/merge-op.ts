import type { BinaryCode } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";

/** The output shape of Keras's element-wise merges: batch dims equal, the rest broadcast right-aligned. */
export function broadcastShape(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out = [shapes[0]![0]!];
  for (let a = 1; a < rank; a++) {
    let dim = 1;
    for (const s of shapes) {
      const d = s[s.length - rank + a];
      if (d !== undefined && s.length - rank + a >= 1 && d !== 1) dim = d;
    }
    out.push(dim);
  }
  return out;
}

/** A shape aligned to `rank`: 1s inserted after the batch dim, as Keras expands lower-rank inputs. */
function aligned(shape: readonly number[], rank: number): number[] {
  return [shape[0]!, ...Array<number>(rank - shape.length).fill(1), ...shape.slice(1)];
}

/** Element strides of a shape broadcast to `out`: 0 along axes where it has size 1. */
function broadcastStrides(shape: readonly number[], out: readonly number[]): number[] {
  const strides = Array<number>(shape.length).fill(0);
  let stride = 1;
  for (let a = shape.length - 1; a >= 0; a--) {
    strides[a] = shape[a] === 1 && out[a] !== 1 ? 0 : stride;
    stride *= shape[a]!;
  }
  return strides;
}

/**
 * out = x op y, broadcasting. The longest run of trailing axes along which each operand is
 * either contiguous or one repeated value is one kernel call; the axes before it are looped here.
 */
export function emitBroadcast(emit: Emitter, op: BinaryCode, x: BufferRef, y: BufferRef, out: BufferRef): void {
  const shape = out.shape;
  const rank = shape.length;
  const sx = broadcastStrides(aligned(x.shape, rank), shape);
  const sy = broadcastStrides(aligned(y.shape, rank), shape);
  // How far the trailing run reaches, and the element stride of each operand along it (0 or 1).
  let inner = 1;
  let from = rank;
  const kind = (strides: number[], a: number) => (strides[a] === 0 ? 0 : 1);
  const [kx, ky] = [kind(sx, rank - 1), kind(sy, rank - 1)];
  while (from > 0) {
    const a = from - 1;
    const contiguousX = kx === 0 ? sx[a] === 0 : sx[a] === inner;
    const contiguousY = ky === 0 ? sy[a] === 0 : sy[a] === inner;
    if (!contiguousX || !contiguousY) break;
    inner *= shape[a]!;
    from = a;
  }
  const outer = shape.slice(0, from);
  const count = sizeOf(outer);
  const index = Array<number>(outer.length).fill(0);
  for (let i = 0; i < count; i++) {
    let [ox, oy] = [0, 0];
    outer.forEach((_, a) => {
      ox += index[a]! * sx[a]!;
      oy += index[a]! * sy[a]!;
    });
    emit.call("binary", op, x.pointer + ox * 4, kx, y.pointer + oy * 4, ky, out.pointer + i * inner * 4, inner);
    for (let a = outer.length - 1; a >= 0; a--) {
      if (++index[a]! < outer[a]!) break;
      index[a] = 0;
    }
  }
}

/**
 * Add, Subtract, Multiply, Maximum, Minimum and Average of two or more inputs, in tfjs-layers'
 * order: out = x0 op x1, then out op x2, …; Average is the sum times 1/n.
 */
export function mergeOp(layer: string, inputs: readonly string[], output: string, op: BinaryCode, average: boolean): ExecOp {
  return {
    layer,
    inputs,
    outputs: [output],
    shapes: (shapes) => [broadcastShape(shapes)],
    scratch: () => [],
    emit(emit: Emitter, ins: readonly BufferRef[], [out]: readonly BufferRef[]) {
      emitBroadcast(emit, op, ins[0]!, ins[1]!, out!);
      for (const input of ins.slice(2)) emitBroadcast(emit, op, out!, input, out!);
      if (average) emit.call("scale", out!.pointer, 1 / ins.length, out!.pointer, sizeOf(out!.shape));
    },
  };
}
