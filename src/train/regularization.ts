import type { LayersModel, Scalar, Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";
import type { ModelIR, RegularizerValue } from "../ir/types.js";

/** One regularized weight: its variable and its L1 and L2 factors. */
export interface RegularizedWeight {
  key: string;
  variable: Variable;
  penalty: RegularizerValue;
}

/**
 * The weights the IR gives a regularizer (WeightSpec.regularizer: kernels, recurrent kernels,
 * biases, embeddings), with their TensorFlow.js variables. tfjs-layers collects the penalties
 * of Dense and Embedding only, not of recurrent layers or wrapped ones, so nnspec adds every
 * penalty to the loss itself, from the IR.
 */
export function regularizedWeights(ir: ModelIR, model: LayersModel): RegularizedWeight[] {
  const result: RegularizedWeight[] = [];
  for (const layer of ir.layers) {
    const variables = model.getLayer(layer.name).weights;
    layer.weights.forEach((spec, i) => {
      const penalty = spec.regularizer;
      if (!penalty || !spec.trainable || (penalty.l1 === 0 && penalty.l2 === 0)) return;
      result.push({ key: `${layer.name}/${spec.name}`, variable: variables[i]!.read() as Variable, penalty });
    });
  }
  return result;
}

/** Σ l1·Σ|w| + l2·Σw² over the regularized weights (Keras's L1L2), as a scalar; undefined when there are none. */
export function regularizationPenalty(tf: Tf, weights: readonly RegularizedWeight[]): Scalar | undefined {
  let total: Scalar | undefined;
  for (const { variable, penalty } of weights) {
    let term: Scalar | undefined;
    if (penalty.l1 !== 0) term = tf.mul<Scalar>(penalty.l1, tf.sum(tf.abs(variable)));
    if (penalty.l2 !== 0) {
      const l2 = tf.mul<Scalar>(penalty.l2, tf.sum(tf.square(variable)));
      term = term ? tf.add<Scalar>(term, l2) : l2;
    }
    if (term) total = total ? tf.add<Scalar>(total, term) : term;
  }
  return total;
}
