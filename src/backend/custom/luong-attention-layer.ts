import type { LayerVariable, serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configString } from "./config-values.js";
import type { QueryValueAttentionClass } from "./query-value-attention.js";
import { initializerFrom, regularizerFrom } from "./weight-factories.js";

/**
 * nnspec's LuongAttention: score "general" is query·W·keyᵀ with W, `kernel`, of shape
 * [query features, key features]; score "dot" is query·keyᵀ, with no weights.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineLuongAttention(tf: Tf, Base: QueryValueAttentionClass) {
  return class LuongAttention extends Base {
    static readonly className = "LuongAttention";
    readonly score: string;
    readonly kernelInitializer: string;
    readonly kernelRegularizer: serialization.ConfigDictValue;
    kernel: LayerVariable | null = null;

    constructor(config: serialization.ConfigDict) {
      super(config, LuongAttention.className);
      this.score = configString(config, LuongAttention.className, "score", "general");
      if (this.score !== "general" && this.score !== "dot") throw new Error(`LuongAttention: score must be "general" or "dot", got "${this.score}"`);
      this.kernelInitializer = configString(config, LuongAttention.className, "kernelInitializer", "glorotUniform");
      this.kernelRegularizer = config.kernelRegularizer ?? null;
    }

    override build(inputShape: Shape | Shape[]): void {
      const shapes = inputShape as Shape[];
      const queryFeatures = shapes[0].at(-1);
      const keyFeatures = shapes[shapes.length > 2 ? 2 : 1].at(-1);
      if (this.score === "general") {
        if (typeof queryFeatures !== "number" || typeof keyFeatures !== "number") {
          throw new Error("LuongAttention: the query's and key's feature sizes must be known to build its kernel");
        }
        const initializer = initializerFrom(tf, LuongAttention.className, this.kernelInitializer);
        const regularizer = regularizerFrom(tf, LuongAttention.className, this.kernelRegularizer);
        this.kernel = this.addWeight("kernel", [queryFeatures, keyFeatures], "float32", initializer, regularizer);
      }
      this.built = true;
    }

    scores(query: Tensor, key: Tensor): Tensor {
      const projected = this.kernel ? project(tf, query, this.kernel.read()) : query;
      return tf.matMul(projected, key, false, true);
    }

    override getConfig(): serialization.ConfigDict {
      return { ...super.getConfig(), score: this.score, kernelInitializer: this.kernelInitializer, kernelRegularizer: this.kernelRegularizer };
    }
  };
}

/** x [… , d_in] · W [d_in, d_out] → [… , d_out], for any number of leading dims. */
function project(tf: Tf, x: Tensor, kernel: Tensor): Tensor {
  const [rows, columns] = kernel.shape as [number, number];
  return tf.matMul(x.reshape([-1, rows]), kernel).reshape([...x.shape.slice(0, -1), columns]);
}
