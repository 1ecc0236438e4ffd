import type { serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { attend, scoresMask } from "./attention-math.js";
import { configBoolean, configNumber } from "./config-values.js";
import { firstMask, inputMask, NO_MASK, type Kwargs } from "./masks.js";

/**
 * The base of the attention layers applied Keras's way to [query, value] or [query, value,
 * key] (the key defaults to the value): a subclass computes the scores [… , Tq, Tv]; this
 * masks them (the value's padding, and causally if asked), weighs the values, zeroes padded
 * query steps (Keras's Attention does), and returns the attention weights too if asked.
 * Inputs are [… , time, features] with the same leading dims.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineQueryValueAttention(tf: Tf) {
  abstract class QueryValueAttention extends tf.layers.Layer {
    readonly dropout: number;
    readonly causal: boolean;
    readonly returnAttentionScores: boolean;
    /** The config key of the causal flag: Keras's useCausalMask, or causal. */
    readonly causalKey: string;

    constructor(config: serialization.ConfigDict, className: string, causalKey = "useCausalMask") {
      super(config);
      this.dropout = configNumber(config, className, "dropout", 0);
      this.causal = configBoolean(config, className, causalKey, false);
      this.returnAttentionScores = configBoolean(config, className, "returnAttentionScores", false);
      this.causalKey = causalKey;
      this.supportsMasking = true;
    }

    /** How well each query step matches each key step: [… , Tq, Tv]. */
    abstract scores(query: Tensor, key: Tensor): Tensor;

    override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
      const [query, value] = inputShape as Shape[];
      const output = [...query.slice(0, -1), value[value.length - 1]];
      if (!this.returnAttentionScores) return output;
      return [output, [...query.slice(0, -1), value[value.length - 2]]];
    }

    override computeMask(_inputs: Tensor | Tensor[], mask?: Tensor | Tensor[]): Tensor | Tensor[] {
      const queryMask = firstMask(mask);
      return this.returnAttentionScores ? [queryMask, NO_MASK] : queryMask;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
      return tf.tidy(() => {
        const [query, value, key = value] = inputs as Tensor[];
        const scores = this.scores(query, key);
        const mask = scoresMask(tf, scores, inputMask(tf, kwargs, 1), this.causal);
        const { output, weights } = attend(tf, scores, value, mask, this.dropout, kwargs.training === true);
        const queryMask = inputMask(tf, kwargs, 0);
        const result = queryMask ? tf.mul(output, queryMask.expandDims(-1)) : output;
        return this.returnAttentionScores ? [result, weights] : result;
      });
    }

    override getConfig(): serialization.ConfigDict {
      return {
        ...super.getConfig(),
        dropout: this.dropout,
        [this.causalKey]: this.causal,
        returnAttentionScores: this.returnAttentionScores,
      };
    }
  }
  return QueryValueAttention;
}

/** @internal */
export type QueryValueAttentionClass = ReturnType<typeof defineQueryValueAttention>;
