import { BackendError } from "../../backend/errors.js";
import { BINARY_CODES } from "../kernels/codes.js";
import type { Arena } from "../plan/arena.js";
import { MIN_TASK_FLOPS, type BufferRef, type Emitter, type ExecOp } from "../plan/op.js";
import { emitLookup } from "./lookup-op.js";
import { emitProduct } from "./product.js";
import { emitDirection, fusedLstmStep, type DirectionBuffers } from "./recurrent-steps.js";
import { STATES, type RecurrentSpec } from "./recurrent-spec.js";

/** The scratch buffers of one direction, in the order of DirectionBuffers. */
const DIRECTION_SCRATCH = ["z", "h", "second", "t", "stepInput", "previousH", "previousC"] as const;
type ScratchName = (typeof DIRECTION_SCRATCH)[number];

/**
 * A recurrent layer (SimpleRNN, LSTM, GRU, or any in a Bidirectional): the input projections
 * first, for all steps and directions at once, then each direction's time loop, the two
 * directions as independent branches (run in parallel with two threads), then the merge.
 * Inputs: the sequence (or the token IDs of a folded Embedding), then the initial states if
 * given (forward, then backward), then the input's mask if it has one.
 * Outputs follow the IR: the output(s), then each direction's final states if return_state.
 */
export function recurrentOp(spec: RecurrentSpec, input: string, initialStates: readonly string[], mask: string | undefined, outputs: readonly string[], arena: Arena): ExecOp {
  const { units, gates, directions, merge, returnSequences } = spec;
  const D = directions.length;
  const width = D * gates * units;
  const stateCount = STATES[spec.type];
  const inPlaceConcat = merge === "concat" && spec.mergeDirections;
  // Where each scratch buffer is in the list emit receives (a size of 0 is no buffer).
  const PROJECTION = 0;
  const PER_DIRECTION = DIRECTION_SCRATCH.length;
  const direction = (d: number) => 1 + PER_DIRECTION * d;
  const [BACKWARD, FORWARD] = [direction(D), direction(D) + 1];

  /** Scratch buffer sizes, in that order. */
  function layout(batch: number, time: number): number[] {
    const perStep = spec.reuseBuffers ? 1 : time;
    const state = batch * units;
    const gatesPerStep = perStep * batch * gates * units;
    const sizes: Record<ScratchName, number> = {
      z: spec.type === "SimpleRNN" ? 0 : gatesPerStep,
      h: state,
      second: spec.type === "GRU" ? 0 : state,
      t: spec.type === "GRU" || (spec.type === "LSTM" && !fusedLstmStep(spec)) ? state : 0,
      stepInput: spec.projection.kind === "per-step" ? gatesPerStep : 0,
      previousH: spec.masked && spec.type === "LSTM" && !fusedLstmStep(spec) ? state : 0,
      previousC: spec.masked && spec.type === "LSTM" && !fusedLstmStep(spec) ? state : 0,
    };
    const all: number[] = [spec.projection.kind === "per-step" ? 0 : batch * time * width];
    for (let d = 0; d < D; d++) all.push(...DIRECTION_SCRATCH.map((name) => sizes[name]));
    // The directions' outputs when they are merged after (sum, mul, ave; concat by copies).
    const sequence = returnSequences ? batch * time * units : batch * units;
    const separate = D === 2 && merge !== "none" && !inPlaceConcat;
    all[BACKWARD] = separate ? sequence : 0;
    all[FORWARD] = separate && merge === "concat" ? sequence : 0;
    return all;
  }

  return {
    layer: spec.layer,
    inputs: [input, ...initialStates, ...(mask ? [mask] : [])],
    outputs,
    shapes([x, ...rest]) {
      const [batch, time] = [x![0]!, x![1]!];
      rest.slice(0, initialStates.length).forEach((shape, i) => {
        // A state no op computes would be read from wherever its pointer falls: fail instead.
        if (shape?.length !== 2 || shape[0] !== batch || shape[1] !== units) {
          const found = shape ? `[${shape.join(", ")}]` : "no value";
          throw new BackendError("InternalError", `layer '${spec.layer}': initial state '${initialStates[i]}' should be [${batch}, ${units}], the executor has ${found}`);
        }
      });
      const merged = merge === "concat" ? 2 * units : units;
      const sequence = returnSequences ? [batch, time, merged] : [batch, merged];
      const single = returnSequences ? [batch, time, units] : [batch, units];
      const ys = merge === "none" ? [single, single] : [sequence];
      const states = spec.returnState ? Array.from({ length: D * stateCount }, () => [batch, units]) : [];
      return [...ys, ...states];
    },
    scratch: ([x]) => layout(x![0]!, x![1]!),
    emit(emit: Emitter, ins: readonly BufferRef[], outs: readonly BufferRef[], scratch: readonly number[]) {
      const x = ins[0]!;
      const [batch, time] = [x.shape[0]!, x.shape[1]!];
      const projection = scratch[PROJECTION]!;
      emitProjection(emit, x, batch, time, projection);

      const sequenceWidth = inPlaceConcat ? 2 * units : units;
      const y0 = scratch[FORWARD] || outs[0]!.pointer;
      const y1 = merge === "none" ? outs[1]!.pointer : inPlaceConcat ? outs[0]!.pointer + units * 4 : scratch[BACKWARD]!;
      const statesAt = merge === "none" ? 2 : 1;
      const given = ins.slice(1, 1 + initialStates.length).map((state) => state.pointer);
      const maskPointer = mask ? ins[1 + initialStates.length]!.pointer : 0;
      const buffers = directions.map((_, d): DirectionBuffers => {
        const at = direction(d);
        const named = Object.fromEntries(DIRECTION_SCRATCH.map((name, i) => [name, scratch[at + i]!])) as Record<ScratchName, number>;
        const states = spec.returnState ? outs.slice(statesAt + d * stateCount, statesAt + (d + 1) * stateCount).map((s) => s.pointer) : [];
        return {
          ...named,
          projection: projection + d * gates * units * 4,
          ldProjection: time * width,
          output: d === 0 ? y0 : y1,
          ldOutput: sequenceWidth,
          states,
          initial: given.slice(d * stateCount, (d + 1) * stateCount),
          mask: maskPointer,
        };
      });
      const run = (e: Emitter, d: number) => emitDirection(e, spec, directions[d]!, d, buffers[d]!, x, batch, time);
      // The directions are tasks of their own when each is worth handing over (its recurrent products).
      if (D === 2 && 2 * time * batch * units * gates * units >= MIN_TASK_FLOPS) emit.parallel((e) => run(e, 0), (e) => run(e, 1));
      else directions.forEach((_, d) => run(emit, d));
      if (D === 2) emitMerge(emit, outs[0]!.pointer, y0, y1, batch, time);
    },
  };

  /** All steps' input projections, before the time loop (none when they are made per step). */
  function emitProjection(emit: Emitter, x: BufferRef, batch: number, time: number, out: number): void {
    const p = spec.projection;
    const rows = batch * time;
    switch (p.kind) {
      case "table":
        emitLookup(emit, arena, spec.layer, input, p.table, x, out, width);
        return;
      case "hoisted": {
        const features = p.weights.k;
        emitProduct(emit, { a: x.pointer, lda: features, weights: p.weights, bias: p.bias, addend: 0, ldAdd: 0, c: out, ldc: width, m: rows, activation: 0 }, spec.fuseEpilogue);
        return;
      }
      case "hoisted-per-direction":
        p.weights.forEach((weights, d) => {
          const c = out + d * gates * units * 4;
          emitProduct(emit, { a: x.pointer, lda: weights.k, weights, bias: p.bias[d]!, addend: 0, ldAdd: 0, c, ldc: width, m: rows, activation: 0 }, spec.fuseEpilogue);
        });
        return;
      case "per-step":
        return;
    }
  }

  /** Joins the backward output y1 to the forward one y0 into `out` (concat in place needs nothing). */
  function emitMerge(emit: Emitter, out: number, y0: number, y1: number, batch: number, time: number): void {
    if (merge === "none" || inPlaceConcat) return;
    const rows = returnSequences ? batch * time : batch;
    const count = rows * units;
    switch (merge) {
      case "concat":
        emit.call("copyRows", y0, units, out, 2 * units, rows, units);
        emit.call("copyRows", y1, units, out + units * 4, 2 * units, rows, units);
        return;
      case "sum":
        emit.call("binary", BINARY_CODES.add, y0, 1, y1, 1, out, count);
        return;
      case "mul":
        emit.call("binary", BINARY_CODES.multiply, y0, 1, y1, 1, out, count);
        return;
      case "ave":
        // As tfjs-layers: 0.5 · (y + y_reversed).
        emit.call("binary", BINARY_CODES.add, y0, 1, y1, 1, out, count);
        emit.call("scale", out, 0.5, out, count);
        return;
    }
  }
}
