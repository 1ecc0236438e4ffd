import type { LayerVariable, serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { attend, causalMask } from "./attention-math.js";
import { configBoolean, configNumber, configNumberList, configString } from "./config-values.js";
import { firstMask, inputMask, NO_MASK, type Kwargs } from "./masks.js";
import { initializerFrom, regularizerFrom } from "./weight-factories.js";

/** One projection's weights: kernel [in, …heads, width] and, with useBias, its bias. */
interface Projection {
  kernel: LayerVariable;
  bias: LayerVariable | null;
}

/**
 * Keras's MultiHeadAttention on [query, value] or [query, value, key], each [batch, time,
 * features]. Weights in Keras's order and names: query, key, value, attention_output, each
 * kernel then bias. Masks as Keras: the query's and value's padding (and the causal mask)
 * keep scores; the output carries the query's mask.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineMultiHeadAttention(tf: Tf) {
  return class MultiHeadAttention extends tf.layers.Layer {
    static readonly className = "MultiHeadAttention";
    readonly numHeads: number;
    readonly keyDim: number;
    readonly valueDim: number;
    readonly useBias: boolean;
    /** Keras's output_shape (config outputShape); null: the query's features. */
    readonly projectedShape: number[] | null;
    readonly dropout: number;
    readonly useCausalMask: boolean;
    readonly returnAttentionScores: boolean;
    readonly kernelInitializer: string;
    readonly biasInitializer: string;
    readonly kernelRegularizer: serialization.ConfigDictValue;
    readonly biasRegularizer: serialization.ConfigDictValue;
    projections: Projection[] = [];

    constructor(config: serialization.ConfigDict) {
      super(config);
      const name = MultiHeadAttention.className;
      this.numHeads = configNumber(config, name, "numHeads");
      this.keyDim = configNumber(config, name, "keyDim");
      this.valueDim = configNumber(config, name, "valueDim", this.keyDim);
      this.useBias = configBoolean(config, name, "useBias", true);
      this.projectedShape = configNumberList(config, name, "outputShape");
      this.dropout = configNumber(config, name, "dropout", 0);
      this.useCausalMask = configBoolean(config, name, "useCausalMask", false);
      this.returnAttentionScores = configBoolean(config, name, "returnAttentionScores", false);
      this.kernelInitializer = configString(config, name, "kernelInitializer", "glorotUniform");
      this.biasInitializer = configString(config, name, "biasInitializer", "zeros");
      this.kernelRegularizer = config.kernelRegularizer ?? null;
      this.biasRegularizer = config.biasRegularizer ?? null;
      this.supportsMasking = true;
    }

    override build(inputShape: Shape | Shape[]): void {
      const shapes = inputShape as Shape[];
      const [query, value] = shapes.map((s) => features(s));
      const key = shapes.length > 2 ? features(shapes[2]) : value;
      const heads = this.numHeads;
      const out = this.projectedShape ?? [query];
      this.projections = [
        this.projection("query", [query, heads, this.keyDim], [heads, this.keyDim]),
        this.projection("key", [key, heads, this.keyDim], [heads, this.keyDim]),
        this.projection("value", [value, heads, this.valueDim], [heads, this.valueDim]),
        this.projection("attention_output", [heads, this.valueDim, ...out], out),
      ];
      this.built = true;
    }

    projection(name: string, kernelShape: number[], biasShape: number[]): Projection {
      const className = MultiHeadAttention.className;
      const kernel = this.addWeight(
        `${name}/kernel`,
        kernelShape,
        "float32",
        initializerFrom(tf, className, this.kernelInitializer),
        regularizerFrom(tf, className, this.kernelRegularizer),
      );
      const bias = this.useBias
        ? this.addWeight(
            `${name}/bias`,
            biasShape,
            "float32",
            initializerFrom(tf, className, this.biasInitializer),
            regularizerFrom(tf, className, this.biasRegularizer),
          )
        : null;
      return { kernel, bias };
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
      const [query, value] = inputShape as Shape[];
      const output = [query[0], query[1], ...(this.projectedShape ?? [query[2]])];
      if (!this.returnAttentionScores) return output;
      return [output, [query[0], this.numHeads, query[1], value[1]]];
    }

    override computeMask(_inputs: Tensor | Tensor[], mask?: Tensor | Tensor[]): Tensor | Tensor[] {
      const queryMask = firstMask(mask);
      return this.returnAttentionScores ? [queryMask, NO_MASK] : queryMask;
    }

    override call(inputs: Tensor | Tensor[], kwargs: Kwargs): Tensor | Tensor[] {
      return tf.tidy(() => {
        const [query, value, key = value] = inputs as Tensor[];
        const [queryProjection, keyProjection, valueProjection, outputProjection] = this.projections;
        // [batch, time, features] → [batch, heads, time, width]
        const split = (x: Tensor, p: Projection) => tf.transpose(this.project(x, p, 1), [0, 2, 1, 3]);
        const q = split(query, queryProjection);
        const k = split(key, keyProjection);
        const v = split(value, valueProjection);
        const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(this.keyDim));
        const mask = this.scoresMask(kwargs, query.shape[1]!, value.shape[1]!);
        const { output, weights } = attend(tf, scores, v, mask, this.dropout, kwargs.training === true);
        // [batch, heads, Tq, valueDim] → [batch, Tq, heads, valueDim], then projected over both.
        const result = this.project(tf.transpose(output, [0, 2, 1, 3]), outputProjection, 2);
        return this.returnAttentionScores ? [result, weights] : result;
      });
    }

    /** x [batch, time, …in] times a kernel [...in, …out] whose first `inDims` axes match x's last ones, plus the bias. */
    project(x: Tensor, projection: Projection, inDims: number): Tensor {
      const kernel = projection.kernel.read();
      const inSize = kernel.shape.slice(0, inDims).reduce((a, b) => a * b, 1);
      const outShape = kernel.shape.slice(inDims);
      const flat = tf.matMul(x.reshape([-1, inSize]), kernel.reshape([inSize, -1]));
      const shaped = flat.reshape([...x.shape.slice(0, x.rank - inDims), ...outShape]);
      return projection.bias ? tf.add(shaped, projection.bias.read()) : shaped;
    }

    /** [batch, 1, Tq, Tv] from the query's and value's padding and the causal mask; null if none. */
    scoresMask(kwargs: Kwargs, queryLength: number, valueLength: number): Tensor | null {
      const masks: Tensor[] = [];
      const queryMask = inputMask(tf, kwargs, 0);
      const valueMask = inputMask(tf, kwargs, 1);
      if (queryMask) masks.push(queryMask.reshape([-1, 1, queryLength, 1]));
      if (valueMask) masks.push(valueMask.reshape([-1, 1, 1, valueLength]));
      if (this.useCausalMask) masks.push(causalMask(tf, queryLength, valueLength));
      return masks.reduce<Tensor | null>((all, m) => (all ? tf.mul(all, m) : m), null);
    }

    override getConfig(): serialization.ConfigDict {
      return {
        ...super.getConfig(),
        numHeads: this.numHeads,
        keyDim: this.keyDim,
        valueDim: this.valueDim,
        useBias: this.useBias,
        outputShape: this.projectedShape,
        dropout: this.dropout,
        useCausalMask: this.useCausalMask,
        returnAttentionScores: this.returnAttentionScores,
        kernelInitializer: this.kernelInitializer,
        biasInitializer: this.biasInitializer,
        kernelRegularizer: this.kernelRegularizer,
        biasRegularizer: this.biasRegularizer,
      };
    }
  };
}

function features(shape: Shape): number {
  const last = shape[shape.length - 1];
  if (typeof last !== "number") throw new Error("MultiHeadAttention: the feature sizes of query, value and key must be known");
  return last;
}
