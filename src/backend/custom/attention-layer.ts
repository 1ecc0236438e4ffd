import type { LayerVariable, serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configBoolean, configString } from "./config-values.js";
import type { QueryValueAttentionClass } from "./query-value-attention.js";

/**
 * Keras's Attention. score_mode "dot": query·keyᵀ, times a learned scalar `scale` with
 * use_scale. "concat": Σ tanh(scale·(query + key)) over the features, times a learned scalar
 * `concat_score_weight`. Weights are created in Keras's order: scale, concat_score_weight.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineAttention(tf: Tf, Base: QueryValueAttentionClass) {
  return class Attention extends Base {
    static readonly className = "Attention";
    readonly useScale: boolean;
    readonly scoreMode: string;
    scale: LayerVariable | null = null;
    concatScoreWeight: LayerVariable | null = null;

    constructor(config: serialization.ConfigDict) {
      super(config, Attention.className);
      this.useScale = configBoolean(config, Attention.className, "useScale", false);
      this.scoreMode = configString(config, Attention.className, "scoreMode", "dot");
      if (this.scoreMode !== "dot" && this.scoreMode !== "concat") {
        throw new Error(`Attention: scoreMode must be "dot" or "concat", got "${this.scoreMode}"`);
      }
    }

    override build(_inputShape: Shape | Shape[]): void {
      if (this.useScale) this.scale = this.addWeight("scale", [], "float32", tf.initializers.ones());
      if (this.scoreMode === "concat") this.concatScoreWeight = this.addWeight("concat_score_weight", [], "float32", tf.initializers.ones());
      this.built = true;
    }

    scores(query: Tensor, key: Tensor): Tensor {
      if (this.scoreMode === "dot") {
        const scores = tf.matMul(query, key, false, true);
        return this.scale ? tf.mul(scores, this.scale.read()) : scores;
      }
      // [… , Tq, 1, d] + [… , 1, Tv, d] → [… , Tq, Tv, d], summed over d.
      const sums = tf.add(query.expandDims(-2), key.expandDims(-3));
      const scaled = this.scale ? tf.mul(this.scale.read(), sums) : sums;
      return tf.mul(this.concatScoreWeight!.read(), tf.sum(tf.tanh(scaled), -1));
    }

    override getConfig(): serialization.ConfigDict {
      return { ...super.getConfig(), useScale: this.useScale, scoreMode: this.scoreMode };
    }
  };
}
