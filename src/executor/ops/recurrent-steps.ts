import { ACTIVATION_CODES, isRowwise, type ActivationCode } from "../kernels/codes.js";
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
  /** LSTM, unfused: activation(c); GRU: r ⊙ h. */
  t: number;
  /** Per-step input projection [batch, gates·units], when projections are not hoisted. */
  stepInput: number;
  /** LSTM, unfused and masked: h and c as the step found them, for the rows it must keep. */
  previousH: number;
  previousC: number;
  /** This direction's block of the hoisted projections [batch, time, ·], row stride ldProjection. */
  projection: number;
  ldProjection: number;
  /** Output: position t of batch row b at output + (b·time + t)·ldOutput (or b·ldOutput for the last step only). */
  output: number;
  ldOutput: number;
  /** Final states to write (h, then c for LSTM), if return_state. */
  states: number[];
  /** Starting states given as initial_state (h, then c for LSTM); none: zeros. */
  initial: number[];
  /** The input's mask [batch, time], or 0. */
  mask: number;
}

/** Whether an LSTM's element-wise step is the one fused kernel (Keras's default activations). */
export function fusedLstmStep(spec: RecurrentSpec): boolean {
  return spec.fuseEpilogue && spec.recurrentActivation === ACTIVATION_CODES.sigmoid && spec.activation === ACTIVATION_CODES.tanh;
}

/** One step's pointers: its pre-activation buffer, its input projection, where it writes its output, its mask column. */
interface Step {
  z: number;
  addend: number;
  ldAdd: number;
  /** Output position of this step, or 0 without return_sequences. */
  slot: number;
  ldSequence: number;
  /** The mask of this step's input position for row 0 (rows ldMask apart), or 0. */
  mask: number;
  ldMask: number;
  /** The states are still the zeros they start from: the recurrent products are zero and skipped. */
  fromZero: boolean;
}

/**
 * Emits one direction's time loop. Each step is one product h · recurrent_kernel (two for GRU),
 * added to the step's input projection in the product's epilogue (all gates at once), then
 * the element-wise step. A first step from zero states needs no product at all. On a masked
 * step (mask 0), tfjs's rnn() keeps the states and outputs the kept h: the kernels keep those rows.
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
  const state = { h: buffers.h, next: buffers.second };
  emitStartingStates(emit, spec, buffers, batch);

  for (let s = 0; s < time; s++) {
    const tIn = direction.inputReversed ? time - 1 - s : s;
    const tOut = direction.outputReversed ? time - 1 - s : s;
    const [addend, ldAdd] = stepInput(emit, spec, d, buffers, x, batch, time, s, tIn);
    const step: Step = {
      z: buffers.z + (spec.reuseBuffers ? 0 : s * batch * G * 4),
      addend,
      ldAdd,
      slot: spec.returnSequences ? buffers.output + tOut * buffers.ldOutput * 4 : 0,
      ldSequence,
      mask: buffers.mask ? buffers.mask + tIn * 4 : 0,
      ldMask: time,
      fromZero: s === 0 && buffers.initial.length === 0,
    };
    switch (spec.type) {
      case "LSTM":
        emitLstmStep(emit, spec, direction, buffers, step, batch);
        break;
      case "GRU":
        emitGruStep(emit, spec, direction, buffers, step, batch);
        break;
      case "SimpleRNN":
        emitSimpleStep(emit, spec, direction, state, step, batch);
        break;
    }
  }

  const h = spec.type === "SimpleRNN" ? state.h : buffers.h;
  if (!spec.returnSequences) emit.call("copyRows", h, units, buffers.output, buffers.ldOutput, batch, units);
  const finals = spec.type === "LSTM" ? [h, buffers.second] : [h];
  buffers.states.forEach((final, i) => emit.call("copyRows", finals[i]!, units, final, units, batch, units));
}

/**
 * The states before the first step: the given initial states, else zeros. The states a step
 * updates in place (LSTM's c, GRU's h) and those a masked first step keeps start at zero;
 * otherwise the first step writes h whole.
 */
function emitStartingStates(emit: Emitter, spec: RecurrentSpec, buffers: DirectionBuffers, batch: number): void {
  const { units } = spec;
  const starts = spec.type === "LSTM" ? [buffers.h, buffers.second] : [buffers.h];
  if (buffers.initial.length > 0) {
    starts.forEach((start, i) => emit.call("copyRows", buffers.initial[i]!, units, start, units, batch, units));
    return;
  }
  if (spec.type === "LSTM") emit.call("fill", buffers.second, 0, batch * units);
  if (spec.type === "GRU" || buffers.mask) emit.call("fill", buffers.h, 0, batch * units);
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

/**
 * out = activation(a · weights + addend) over consecutive gate blocks of `units` columns (row
 * stride ldc): one product for all of them, or one per gate. A row-wise activation (softmax)
 * is applied to each gate on its own, as tfjs does after splitting the gates.
 */
function emitRecurrentProduct(
  emit: Emitter,
  spec: RecurrentSpec,
  weights: PackedMatrix | PackedMatrix[],
  a: number,
  addend: number,
  ldAdd: number,
  out: number,
  ldc: number,
  batch: number,
  activation: ActivationCode,
): void {
  const { units } = spec;
  const product = (matrix: PackedMatrix, column: number, kind: ActivationCode) =>
    emitProduct(
      emit,
      { a, lda: units, weights: matrix, bias: 0, addend: addend + column * 4, ldAdd, c: out + column * 4, ldc, m: batch, activation: kind },
      spec.fuseEpilogue,
      false,
    );
  if (Array.isArray(weights)) {
    weights.forEach((matrix, g) => product(matrix, g * units, activation));
    return;
  }
  const blocks = weights.n / units;
  if (blocks === 1 || !isRowwise(activation)) {
    product(weights, 0, activation);
    return;
  }
  product(weights, 0, ACTIVATION_CODES.linear);
  emitGateActivations(emit, out, ldc, batch, units, Array.from({ length: blocks }, () => activation));
}

/** Activates gate blocks of z in place, each with its own activation (linear ones are left). */
function emitGateActivations(emit: Emitter, z: number, ldz: number, batch: number, units: number, kinds: readonly ActivationCode[]): void {
  kinds.forEach((kind, g) => {
    const block = z + g * units * 4;
    if (kind !== ACTIVATION_CODES.linear) emit.call("activateRows", block, ldz, block, ldz, batch, units, kind);
  });
}

/** LSTM: z = h · U + x-projection, then c = f·c + i·g, h = o·activation(c). */
function emitLstmStep(emit: Emitter, spec: RecurrentSpec, direction: Direction, buffers: DirectionBuffers, step: Step, batch: number): void {
  const { units } = spec;
  const G = 4 * units;
  let [z, ldz] = [step.z, G];
  if (step.fromZero) [z, ldz] = [step.addend, step.ldAdd];
  else emitRecurrentProduct(emit, spec, direction.recurrent, buffers.h, step.addend, step.ldAdd, z, G, batch, ACTIVATION_CODES.linear);

  const [c, h] = [buffers.second, buffers.h];
  if (fusedLstmStep(spec)) {
    if (step.mask) emit.call("lstmStepMasked", z, ldz, c, h, step.slot, step.ldSequence, batch, units, step.mask, step.ldMask);
    else emit.call("lstmStep", z, ldz, c, h, step.slot, step.ldSequence, batch, units);
    return;
  }
  // In parts, for any activations (softmax, if asked for, is per gate as in tfjs).
  if (step.mask) {
    emit.call("copyRows", h, 0, buffers.previousH, 0, 1, batch * units);
    emit.call("copyRows", c, 0, buffers.previousC, 0, 1, batch * units);
  }
  const gate = spec.recurrentActivation;
  emitGateActivations(emit, z, ldz, batch, units, [gate, gate, spec.activation, gate]);
  emit.call("lstmCell", z, ldz, c, batch, units);
  emit.call("activateRows", c, units, buffers.t, units, batch, units, spec.activation);
  emit.call("lstmHidden", z, ldz, buffers.t, h, step.mask ? 0 : step.slot, step.ldSequence, batch, units);
  if (!step.mask) return;
  emit.call("keepMaskedRows", c, buffers.previousC, batch, units, step.mask, step.ldMask);
  emit.call("keepMaskedRows", h, buffers.previousH, batch, units, step.mask, step.ldMask);
  if (step.slot) emit.call("copyRows", h, units, step.slot, step.ldSequence, batch, units);
}

/**
 * GRU (tfjs's, reset_after=false): z and r = recurrent_activation(x-projection + h · U_zr),
 * hh = activation(x-projection + (r ⊙ h) · U_h), h = z ⊙ h + (1 − z) ⊙ hh.
 */
function emitGruStep(emit: Emitter, spec: RecurrentSpec, direction: Direction, buffers: DirectionBuffers, step: Step, batch: number): void {
  const { units } = spec;
  const G = 3 * units;
  const gate = spec.recurrentActivation;
  let [z, ldz] = [step.z, G];
  if (step.fromZero) {
    // h is zero: both products are zero, so the gates are the activated projection (in place).
    [z, ldz] = [step.addend, step.ldAdd];
    emitGateActivations(emit, z, ldz, batch, units, [gate, gate, spec.activation]);
  } else {
    emitRecurrentProduct(emit, spec, direction.recurrent, buffers.h, step.addend, step.ldAdd, z, G, batch, gate);
    emit.call("gruReset", z, G, buffers.h, buffers.t, batch, units);
    const candidate = 2 * units * 4;
    emitRecurrentProduct(emit, spec, direction.candidate!, buffers.t, step.addend + candidate, step.ldAdd, z + candidate, G, batch, spec.activation);
  }
  emit.call("gruUpdate", z, ldz, buffers.h, step.slot, step.ldSequence, batch, units, step.mask, step.ldMask);
}

/** SimpleRNN: next = activation(h · U + x-projection); h and next alternate. */
function emitSimpleStep(emit: Emitter, spec: RecurrentSpec, direction: Direction, state: { h: number; next: number }, step: Step, batch: number): void {
  const { units } = spec;
  if (step.fromZero) emit.call("activateRows", step.addend, step.ldAdd, state.next, units, batch, units, spec.activation);
  else emitRecurrentProduct(emit, spec, direction.recurrent, state.h, step.addend, step.ldAdd, state.next, units, batch, spec.activation);
  if (step.mask) emit.call("keepMaskedRows", state.next, state.h, batch, units, step.mask, step.ldMask);
  [state.h, state.next] = [state.next, state.h];
  if (step.slot) emit.call("copyRows", state.h, units, step.slot, step.ldSequence, batch, units);
}
