import type { serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import type { QueryValueAttentionClass } from "./query-value-attention.js";

/** nnspec's ScaledDotProductAttention: scores query·keyᵀ/√d_k, no weights; config `causal`. *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineScaledDotProductAttention(tf: Tf, Base: QueryValueAttentionClass) {
  return class ScaledDotProductAttention extends Base {
    static readonly className = "ScaledDotProductAttention";

    constructor(config: serialization.ConfigDict) {
      super(config, ScaledDotProductAttention.className, "causal");
    }

    override build(_inputShape: Shape | Shape[]): void {
      this.built = true;
    }

    scores(query: Tensor, key: Tensor): Tensor {
      const depth = key.shape[key.shape.length - 1];
      return tf.div(tf.matMul(query, key, false, true), Math.sqrt(depth));
    }
  };
}
