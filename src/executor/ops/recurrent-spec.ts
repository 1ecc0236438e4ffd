import type { ActivationCode } from "../kernels/codes.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import type { LookupTable } from "./lookup-op.js";

export type RecurrentType = "SimpleRNN" | "LSTM" | "GRU";

/** Gate blocks of each type's weights: LSTM [i | f | g | o], GRU [z | r | hh], SimpleRNN one. */
export const GATES: Readonly<Record<RecurrentType, number>> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

/** The states each type keeps, in Keras's order (return_state, initial_state): h, or h and c for LSTM. */
export const STATES: Readonly<Record<RecurrentType, number>> = { SimpleRNN: 1, LSTM: 2, GRU: 1 };

/** One direction of a recurrent layer: its recurrent kernel and its order in time. */
export interface Direction {
  /**
   * The recurrent kernel's gates that read h itself: all of them for LSTM and SimpleRNN, z and r
   * for GRU ([units, gates·units], packed); or one [units, units] matrix per gate when gates are not fused.
   */
  recurrent: PackedMatrix | PackedMatrix[];
  /** GRU: the candidate's block of the recurrent kernel [units, units], which reads r ⊙ h. */
  candidate?: PackedMatrix;
  /** Reads the input from the last step to the first (go_backwards, or a Bidirectional's backward copy). */
  inputReversed: boolean;
  /** Writes step s's output at position T−1−s (a Bidirectional's backward copy, re-reversed as Keras does). */
  outputReversed: boolean;
}

/**
 * How the input projections x_t · kernel + bias of all directions are computed:
 * - hoisted: one product over all time steps, all directions' kernels side by side (or one
 *   product per direction when directions are not merged);
 * - table: looked up per token ID in a table made when the executor was (the Embedding before
 *   the layer folded in);
 * - per-step: one product per step and direction, inside the time loop.
 */
export type Projection =
  | { kind: "hoisted"; weights: PackedMatrix; bias: number }
  | { kind: "hoisted-per-direction"; weights: PackedMatrix[]; bias: number[] }
  | { kind: "table"; table: LookupTable }
  | { kind: "per-step"; weights: PackedMatrix[]; bias: number[] };

/** A SimpleRNN, LSTM or GRU, alone or as a Bidirectional's two directions, lowered with its weights. */
export interface RecurrentSpec {
  layer: string;
  type: RecurrentType;
  units: number;
  /** GATES[type]. */
  gates: number;
  activation: ActivationCode;
  /** LSTM's and GRU's gate activation. */
  recurrentActivation: ActivationCode;
  directions: Direction[];
  /** Bidirectional's merge_mode; null for a single direction. "none" returns both outputs. */
  merge: "concat" | "sum" | "mul" | "ave" | "none" | null;
  returnSequences: boolean;
  returnState: boolean;
  /** Starting states are given (initial_state: each direction's STATES[type] tensors) instead of zeros. */
  initialStates: boolean;
  /** A mask [batch, time] comes with the input: padded steps keep the states. */
  masked: boolean;
  projection: Projection;
  /** Bias and activation inside products; the LSTM step's element-wise work as one kernel. */
  fuseEpilogue: boolean;
  /** Both directions write into one output (concat) instead of copies after. */
  mergeDirections: boolean;
  /** Per-step scratch is reused across steps (else each step has its own). */
  reuseBuffers: boolean;
}
