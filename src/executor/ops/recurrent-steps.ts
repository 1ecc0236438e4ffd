import { ACTIVATION_CODES, type ActivationCode } from "../kernels/codes.js";
import type { BufferRef, Emitter } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import { emitProduct } from "./product.js";
import type { Direction, RecurrentSpec } from "./recurrent-spec.js";

/** Where one direction's time loop reads and writes (byte pointers; strides in elements). */
export interface DirectionBuffers {
  /** Gate pre-activations [batch, gates·units] (one per step when buffers are not reused). */
  z: number;
  /** Hidden state [batch, units]. */
  h: number;
  /** LSTM: cell state c; SimpleRNN: the next hidden state (the two alternate). */
  second: number;
  /** LSTM, unfused: activation(c). */
  t: number;
  /** Per-step input projection [batch, gates·units], when projections are not hoisted. */
  stepInput: number;
  /** This direction's block of the hoisted projections [batch, time, ·], row stride ldProjection. */
  projection: number;
  ldProjection: number;
  /** Output: position t of batch row b at output + (b·time + t)·ldOutput (or b·ldOutput for the last step only). */
  output: number;
  ldOutput: number;
  /** Final states to write (h, then c for LSTM), if return_state. */
  states: number[];
}

/**
 * Emits one direction's time loop. Each step is one product h · recurrent_kernel, added to the
 * step's input projection in the product's epilogue (all gates at once), then the element-wise
 * step. The first step starts from zero states, so it needs no product at all.
 */
export function emitDirection(
  emit: Emitter,
  spec: RecurrentSpec,
  direction: Direction,
  d: number,
  buffers: DirectionBuffers,
  x: BufferRef,
  batch: number,
  time: number,
): void {
  const { units, gates } = spec;
  const G = gates * units;
  const ldSequence = time * buffers.ldOutput;
  let h = buffers.h;
  let next = buffers.second;
  if (spec.type === "LSTM") emit.call("fill", buffers.second, 0, batch * units);

  for (let s = 0; s < time; s++) {
    const tIn = direction.inputReversed ? time - 1 - s : s;
    const tOut = direction.outputReversed ? time - 1 - s : s;
    const slot = spec.returnSequences ? buffers.output + tOut * buffers.ldOutput * 4 : 0;
    const z = buffers.z + (spec.reuseBuffers ? 0 : s * batch * G * 4);
    const [addend, ldAdd] = stepInput(emit, spec, d, buffers, x, batch, time, s, tIn);

    if (spec.type === "LSTM") {
      let [zs, ldz] = [z, G];
      if (s === 0) [zs, ldz] = [addend, ldAdd];
      else emitRecurrentProduct(emit, spec, direction, h, addend, ldAdd, z, batch, ACTIVATION_CODES.linear);
      emitLstmPointwise(emit, spec, zs, ldz, buffers, slot, ldSequence, batch);
    } else {
      if (s === 0) emit.call("activateRows", addend, ldAdd, next, units, batch, units, spec.activation);
      else emitRecurrentProduct(emit, spec, direction, h, addend, ldAdd, next, batch, spec.activation);
      [h, next] = [next, h];
      if (slot) emit.call("copyRows", h, units, slot, ldSequence, batch, units);
    }
  }

  if (!spec.returnSequences) emit.call("copyRows", h, units, buffers.output, buffers.ldOutput, batch, units);
  const finals = spec.type === "LSTM" ? [h, buffers.second] : [h];
  buffers.states.forEach((state, i) => emit.call("copyRows", finals[i]!, units, state, units, batch, units));
}

/** The step's input projection and its row stride: a slice of the hoisted ones, or a product made now. */
function stepInput(
  emit: Emitter,
  spec: RecurrentSpec,
  d: number,
  buffers: DirectionBuffers,
  x: BufferRef,
  batch: number,
  time: number,
  s: number,
  tIn: number,
): [number, number] {
  const G = spec.gates * spec.units;
  const p = spec.projection;
  if (p.kind !== "per-step") return [buffers.projection + tIn * (buffers.ldProjection / time) * 4, buffers.ldProjection];
  const features = p.weights[d]!.k;
  const out = buffers.stepInput + (spec.reuseBuffers ? 0 : s * batch * G * 4);
  emitProduct(
    emit,
    { a: x.pointer + tIn * features * 4, lda: time * features, weights: p.weights[d]!, bias: p.bias[d]!, addend: 0, ldAdd: 0, c: out, ldc: G, m: batch, activation: 0 },
    spec.fuseEpilogue,
    false,
  );
  return [out, G];
}

/** out = activation(h · recurrent_kernel + addend): one product for all gates, or one per gate. */
function emitRecurrentProduct(
  emit: Emitter,
  spec: RecurrentSpec,
  direction: Direction,
  h: number,
  addend: number,
  ldAdd: number,
  out: number,
  batch: number,
  activation: ActivationCode,
): void {
  const { units, gates } = spec;
  const ldc = gates * units;
  const product = (weights: PackedMatrix, column: number) =>
    emitProduct(
      emit,
      { a: h, lda: units, weights, bias: 0, addend: addend + column * 4, ldAdd, c: out + column * 4, ldc, m: batch, activation },
      spec.fuseEpilogue,
      false,
    );
  if (Array.isArray(direction.recurrent)) direction.recurrent.forEach((weights, g) => product(weights, g * units));
  else product(direction.recurrent, 0);
}

/** c = f·c + i·g, h = o·activation(c): one fused kernel for Keras's default activations, else in parts. */
function emitLstmPointwise(
  emit: Emitter,
  spec: RecurrentSpec,
  z: number,
  ldz: number,
  buffers: DirectionBuffers,
  slot: number,
  ldSequence: number,
  batch: number,
): void {
  const { units } = spec;
  const c = buffers.second;
  const defaults = spec.recurrentActivation === ACTIVATION_CODES.sigmoid && spec.activation === ACTIVATION_CODES.tanh;
  if (spec.fuseEpilogue && defaults) {
    emit.call("lstmStep", z, ldz, c, buffers.h, slot, ldSequence, batch, units);
    return;
  }
  // Gates i, f, g, o: each activated on its own (softmax, if asked for, is per gate as in tfjs).
  const kinds = [spec.recurrentActivation, spec.recurrentActivation, spec.activation, spec.recurrentActivation];
  kinds.forEach((kind, g) => {
    const block = z + g * units * 4;
    if (kind !== ACTIVATION_CODES.linear) emit.call("activateRows", block, ldz, block, ldz, batch, units, kind);
  });
  emit.call("lstmCell", z, ldz, c, batch, units);
  emit.call("activateRows", c, units, buffers.t, units, batch, units, spec.activation);
  emit.call("lstmHidden", z, ldz, buffers.t, buffers.h, slot, ldSequence, batch, units);
}
