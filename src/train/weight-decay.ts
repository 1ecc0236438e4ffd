import type { Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";

/**
 * Decoupled weight decay (Loshchilov & Hutter; Keras's AdamW): every trainable weight shrinks
 * by learning_rate · weight_decay of itself on each step, outside the gradient, so Adam's
 * per-weight scaling does not weaken it as an L2 term in the loss would. Applied before the
 * optimizer's update, from the same weights, as Keras does.
 */
export function applyWeightDecay(tf: Tf, variables: readonly Variable[], learningRate: number, weightDecay: number): void {
  if (weightDecay === 0) return;
  const keep = 1 - learningRate * weightDecay;
  tf.tidy(() => {
    for (const variable of variables) variable.assign(tf.mul(variable, keep));
  });
}
