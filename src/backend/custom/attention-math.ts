import type { Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";

/** Keras's stand-in for −∞ before a softmax: masked scores get it added, so they weigh ~0. */
const LARGE_NEGATIVE = -1e9;

/** Keras's causal mask, [Tq, Tv]: 1 where key step j ≤ query step i, else 0. */
export function causalMask(tf: Tf, queryLength: number, valueLength: number): Tensor {
  const rows = tf.range(0, queryLength).reshape([queryLength, 1]);
  const columns = tf.range(0, valueLength).reshape([1, valueLength]);
  return tf.cast(tf.greaterEqual(rows, columns), "float32");
}

/**
 * Which scores [… , Tq, Tv] may be used: the value's padding mask ([… , Tv]) and, if
 * causal, the causal mask, multiplied; null when everything may.
 */
export function scoresMask(tf: Tf, scores: Tensor, valueMask: Tensor | null, causal: boolean): Tensor | null {
  const [queryLength, valueLength] = scores.shape.slice(-2) as [number, number];
  const masks: Tensor[] = [];
  if (valueMask) masks.push(valueMask.expandDims(-2));
  if (causal) masks.push(causalMask(tf, queryLength, valueLength));
  return masks.reduce<Tensor | null>((all, m) => (all ? tf.mul(all, m) : m), null);
}

/**
 * The step every attention layer ends with, as Keras does it: masked scores pushed towards
 * −∞, a softmax over the value steps, dropout on the weights while training, then the
 * weighted average of the values. Returns both, the weights before dropout.
 */
export function attend(
  tf: Tf,
  scores: Tensor,
  value: Tensor,
  mask: Tensor | null,
  dropout: number,
  training: boolean,
): { output: Tensor; weights: Tensor } {
  const masked = mask ? tf.add(scores, tf.mul(tf.sub(1, mask), LARGE_NEGATIVE)) : scores;
  const weights = tf.softmax(masked, -1);
  const used = training && dropout > 0 ? tf.dropout(weights, dropout) : weights;
  return { output: tf.matMul(used, value), weights };
}
