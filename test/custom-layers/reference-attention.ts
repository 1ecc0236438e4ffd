import * as tf from "@tensorflow/tfjs";

/**
 * Plain reference computations of the attention layers, written example by example (and head
 * by head) with 2-D tfjs-core ops and explicit masking, independent of the layers' batched code.
 */

export type Score = (query: tf.Tensor2D, key: tf.Tensor2D) => tf.Tensor2D;

export interface ReferenceOptions {
  causal?: boolean;
  /** Per example, 1 keep / 0 padding, over the value steps. */
  valueMask?: number[][];
  /** Per example, over the query steps: padded query steps give zeros (Keras's Attention). */
  queryMask?: number[][];
}

/** exp(x − max) / Σ exp over the last axis, with −∞ where `keep` is false. */
export function referenceSoftmax(scores: tf.Tensor2D, keep: boolean[][]): tf.Tensor2D {
  const masked = tf.where(tf.tensor2d(keep, scores.shape, "bool"), scores, tf.fill(scores.shape, Number.NEGATIVE_INFINITY));
  const shifted = tf.sub(masked, tf.max(masked, 1, true));
  const e = tf.exp(shifted);
  return tf.div(e, tf.sum(e, 1, true)) as tf.Tensor2D;
}

/** One example: weights = softmax(score(q, k)) under the masks, output = weights·v. */
export function referenceAttendOne(
  query: tf.Tensor2D,
  value: tf.Tensor2D,
  key: tf.Tensor2D,
  score: Score,
  options: ReferenceOptions,
  example: number,
): { output: tf.Tensor2D; weights: tf.Tensor2D } {
  const scores = score(query, key);
  const [tq, tv] = scores.shape;
  const keep = Array.from({ length: tq }, (_, i) =>
    Array.from({ length: tv }, (_, j) => (options.causal ? j <= i : true) && (options.valueMask ? options.valueMask[example][j] === 1 : true)),
  );
  const weights = referenceSoftmax(scores, keep);
  let output: tf.Tensor2D = tf.matMul(weights, value);
  if (options.queryMask) output = tf.mul(output, tf.tensor2d(options.queryMask[example], [tq, 1])) as tf.Tensor2D;
  return { output, weights };
}

/** A batch of [batch, time, features] inputs, example by example. */
export function referenceAttention(
  query: tf.Tensor,
  value: tf.Tensor,
  key: tf.Tensor,
  score: Score,
  options: ReferenceOptions = {},
): { output: tf.Tensor; weights: tf.Tensor } {
  const [qs, vs, ks] = [query, value, key].map((t) => tf.unstack(t) as tf.Tensor2D[]);
  const results = qs.map((q, b) => referenceAttendOne(q, vs[b], ks[b], score, options, b));
  return { output: tf.stack(results.map((r) => r.output)), weights: tf.stack(results.map((r) => r.weights)) };
}

/** Keras's dot score: q·kᵀ, times a scalar. */
export function dotScore(scale = 1): Score {
  return (q, k) => tf.mul(tf.matMul(q, k, false, true), scale) as tf.Tensor2D;
}

/** Σ_d weight_d · tanh(scale · (q_i,d + k_j,d)), built row by row: Keras's concat and Bahdanau's additive scores. */
export function additiveScore(featureWeights: tf.Tensor, scale = 1, outerWeight = 1): Score {
  return (q, k) => {
    const rows = tf.unstack(q).map((qi) => tf.sum(tf.mul(featureWeights, tf.tanh(tf.mul(scale, tf.add(qi, k)))), 1));
    return tf.mul(outerWeight, tf.stack(rows)) as tf.Tensor2D;
  };
}

/** Luong's general score: q·W·kᵀ. */
export function generalScore(kernel: tf.Tensor2D): Score {
  return (q, k) => tf.matMul(tf.matMul(q, kernel), k, false, true);
}

/** Scaled dot product: q·kᵀ/√d. */
export const scaledScore: Score = (q, k) => tf.div(tf.matMul(q, k, false, true), Math.sqrt(k.shape[1])) as tf.Tensor2D;

/**
 * Multi-head attention for one batch, head by head: each head projects q, k, v with its slice
 * of the kernels, attends, and its output is projected with its slice of the output kernel;
 * the heads' projections are summed (which is what projecting their concatenation does).
 */
export function referenceMultiHead(
  inputs: { query: tf.Tensor; value: tf.Tensor; key: tf.Tensor },
  weights: { kernels: tf.Tensor[]; biases: (tf.Tensor | null)[] },
  options: { heads: number; keyDim: number; causal?: boolean },
): { output: tf.Tensor; weights: tf.Tensor } {
  const [wq, wk, wv, wo] = weights.kernels;
  const [bq, bk, bv, bo] = weights.biases;
  const outShape = wo.shape.slice(2);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const examples = tf.unstack(inputs.query).map((_, b) => {
    const [q, v, k] = [inputs.query, inputs.value, inputs.key].map((t) => tf.unstack(t)[b] as tf.Tensor2D);
    let sum: tf.Tensor2D | null = null;
    const headWeights: tf.Tensor2D[] = [];
    for (let h = 0; h < options.heads; h++) {
      const project = (x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor | null): tf.Tensor2D => {
        const slice = tf.squeeze(tf.slice(kernel, [0, h, 0], [-1, 1, -1]), [1]) as tf.Tensor2D;
        const projected: tf.Tensor2D = tf.matMul(x, slice);
        return bias ? (tf.add(projected, tf.squeeze(tf.slice(bias, [h, 0], [1, -1]), [0])) as tf.Tensor2D) : projected;
      };
      const { output, weights: w } = referenceAttendOne(project(q, wq, bq), project(v, wv, bv), project(k, wk, bk), scaledScore, { causal: options.causal }, b);
      headWeights.push(w);
      const outKernel = tf.reshape(tf.slice(wo, [h], [1]), [wo.shape[1]!, outSize]) as tf.Tensor2D;
      const contribution: tf.Tensor2D = tf.matMul(output, outKernel);
      sum = sum ? (tf.add(sum, contribution) as tf.Tensor2D) : contribution;
    }
    const biased = bo ? tf.add(sum!, tf.reshape(bo, [outSize])) : sum!;
    return { output: tf.reshape(biased, [q.shape[0], ...outShape]), weights: tf.stack(headWeights) };
  });
  return { output: tf.stack(examples.map((e) => e.output)), weights: tf.stack(examples.map((e) => e.weights)) };
}
