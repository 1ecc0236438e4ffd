import type { LayerVariable, serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configBoolean } from "./config-values.js";
import type { QueryValueAttentionClass } from "./query-value-attention.js";

/**
 * Keras's AdditiveAttention (Bahdanau): scores Σ scale·tanh(query + key) over the features,
 * `scale` a learned vector the size of the features (glorot_uniform) with use_scale, else 1.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineAdditiveAttention(tf: Tf, Base: QueryValueAttentionClass) {
  return class AdditiveAttention extends Base {
    static readonly className = "AdditiveAttention";
    readonly useScale: boolean;
    scale: LayerVariable | null = null;

    constructor(config: serialization.ConfigDict) {
      super(config, AdditiveAttention.className);
      this.useScale = configBoolean(config, AdditiveAttention.className, "useScale", true);
    }

    override build(inputShape: Shape | Shape[]): void {
      const features = (inputShape as Shape[])[0].at(-1);
      if (this.useScale) {
        if (typeof features !== "number") throw new Error("AdditiveAttention: the query's feature size must be known to build its scale");
        this.scale = this.addWeight("scale", [features], "float32", tf.initializers.glorotUniform({}));
      }
      this.built = true;
    }

    scores(query: Tensor, key: Tensor): Tensor {
      // [… , Tq, 1, d] + [… , 1, Tv, d] → [… , Tq, Tv, d], weighted and summed over d.
      const activations = tf.tanh(tf.add(query.expandDims(-2), key.expandDims(-3)));
      return tf.sum(this.scale ? tf.mul(this.scale.read(), activations) : activations, -1);
    }

    override getConfig(): serialization.ConfigDict {
      return { ...super.getConfig(), useScale: this.useScale };
    }
  };
}
