import type { Optimizer } from "@tensorflow/tfjs";
import type { Tf } from "../../backend/backend.js";
import { concatBytes } from "../../io/concat-bytes.js";

/** What tfjs optimizers' getWeights and setWeights exchange (not exported by @tensorflow/tfjs). */
type NamedTensor = Awaited<ReturnType<Optimizer["getWeights"]>>[number];

/** One saved optimizer variable: its name (tfjs's, informative only), shape and dtype. */
export interface OptimizerWeightSpec {
  name: string;
  shape: number[];
  dtype: "float32" | "int32";
}

/**
 * The optimizer's state (its step counter and per-weight slots: Adam's moments, RMSprop's
 * averages, momentum), so a resumed run continues where it stopped rather than restarting
 * Adam's bias correction. Slots are matched to weights by position, which is the model's.
 */
export async function saveOptimizerState(optimizer: Optimizer): Promise<{ specs: OptimizerWeightSpec[]; data: Uint8Array }> {
  const named = await optimizer.getWeights();
  const specs: OptimizerWeightSpec[] = [];
  const chunks: Uint8Array[] = [];
  for (const { name, tensor } of named) {
    const values = await tensor.data();
    specs.push({ name, shape: tensor.shape, dtype: tensor.dtype === "int32" ? "int32" : "float32" });
    chunks.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  // getWeights makes a new tensor for the step counter; the slots are the optimizer's own.
  named[0]?.tensor.dispose();
  return { specs, data: concatBytes(chunks) };
}

/** Puts saved state back into a fresh optimizer of the same kind; a problem when the bytes do not fit. */
export async function restoreOptimizerState(tf: Tf, optimizer: Optimizer, specs: readonly OptimizerWeightSpec[], data: Uint8Array): Promise<string | undefined> {
  const named: NamedTensor[] = [];
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const end = offset + count * 4;
    if (end > data.byteLength) return "optimizer.bin is shorter than training-state.json says";
    // A copy: a Buffer's slice shares (and may start inside) a larger pool.
    const bytes = new Uint8Array(data.subarray(offset, end)).buffer;
    const values = spec.dtype === "int32" ? new Int32Array(bytes) : new Float32Array(bytes);
    named.push({ name: spec.name, tensor: tf.tensor(values, spec.shape, spec.dtype) });
    offset = end;
  }
  if (offset !== data.byteLength) return "optimizer.bin is longer than training-state.json says";
  await optimizer.setWeights(named);
  // The optimizer made variables of its own from these.
  tf.dispose(named.map(({ tensor }) => tensor));
  replayAdamPowers(tf, optimizer);
  return undefined;
}

/** The private fields of tfjs's Adam that hold β₁^(t+1) and β₂^(t+1). */
interface AdamPowers {
  accBeta1?: { assign(value: ReturnType<Tf["scalar"]>): void };
  accBeta2?: { assign(value: ReturnType<Tf["scalar"]>): void };
  beta1: number;
  beta2: number;
  iterations: number;
}

/**
 * tfjs's Adam restores β^(t+1) with one pow, while training multiplies by β once per step, in
 * float32: the two differ in the last bits, and so would every later step. Replaying the
 * float32 products makes a resumed run bit-identical to one that never stopped.
 */
function replayAdamPowers(tf: Tf, optimizer: Optimizer): void {
  const adam = optimizer as unknown as AdamPowers;
  if (!adam.accBeta1 || !adam.accBeta2) return;
  const power = (beta: number): number => {
    const factor = Math.fround(beta);
    let product = factor;
    for (let step = 0; step < adam.iterations; step++) product = Math.fround(product * factor);
    return product;
  };
  tf.tidy(() => {
    adam.accBeta1!.assign(tf.scalar(power(adam.beta1)));
    adam.accBeta2!.assign(tf.scalar(power(adam.beta2)));
  });
}
