import type { NamedTensorMap } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";

/** Keras's gradient clipping: at most one of the two is set. */
export interface Clipping {
  /** Each gradient is scaled down so that its own L2 norm is at most this (Keras `clipnorm`). */
  clipnorm: number | null;
  /** Each gradient value is clipped to [-clipvalue, clipvalue] (Keras `clipvalue`). */
  clipvalue: number | null;
}

/**
 * The gradients clipped as Keras does before the optimizer sees them. TensorFlow.js optimizers
 * do not clip, so the training step calls this between computing and applying gradients.
 * Call inside tf.tidy: the clipped tensors are new.
 */
export function clipGradients(tf: Tf, gradients: NamedTensorMap, { clipnorm, clipvalue }: Clipping): NamedTensorMap {
  if (clipnorm === null && clipvalue === null) return gradients;
  const clipped: NamedTensorMap = {};
  for (const [name, gradient] of Object.entries(gradients)) {
    if (clipnorm !== null) {
      // g · clipnorm / max(‖g‖, clipnorm): unchanged when the norm is already small enough.
      const norm = tf.norm(gradient);
      clipped[name] = tf.div(tf.mul(gradient, clipnorm), tf.maximum(norm, clipnorm));
    } else {
      clipped[name] = tf.clipByValue(gradient, -clipvalue!, clipvalue!);
    }
  }
  return clipped;
}
