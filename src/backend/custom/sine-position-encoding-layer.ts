import type { serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configNumber } from "./config-values.js";

/**
 * keras_nlp's SinePositionEncoding: for position p and feature i,
 * angle = p · maxWavelength^(−2⌊i/2⌋ / features); sin(angle) on even i, cos(angle) on odd i.
 * On [batch, time, features] it returns the encoding broadcast over the batch (the caller adds
 * it to its input). No weights; masks pass through.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineSinePositionEncoding(tf: Tf) {
  return class SinePositionEncoding extends tf.layers.Layer {
    static readonly className = "SinePositionEncoding";
    readonly maxWavelength: number;

    constructor(config: serialization.ConfigDict) {
      super(config);
      this.maxWavelength = configNumber(config, SinePositionEncoding.className, "maxWavelength", 10000);
      this.supportsMasking = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
      return [...(inputShape as Shape)];
    }

    override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
      return tf.tidy(() => {
        const input = Array.isArray(inputs) ? inputs[0] : inputs;
        const [batch, time, features] = input.shape as [number, number, number];
        const feature = tf.range(0, features);
        // 2⌊i/2⌋ / features, as keras_nlp computes the timescales.
        const exponent = tf.div(tf.mul(tf.floorDiv(feature, 2), 2), features);
        const timescales = tf.pow(1 / this.maxWavelength, exponent);
        const angles = tf.mul(tf.range(0, time).expandDims(1), timescales.expandDims(0));
        const odd = tf.mod(feature, 2);
        const encoding = tf.add(tf.mul(tf.sin(angles), tf.sub(1, odd)), tf.mul(tf.cos(angles), odd));
        return tf.broadcastTo(encoding.expandDims(0), [batch, time, features]);
      });
    }

    override getConfig(): serialization.ConfigDict {
      return { ...super.getConfig(), maxWavelength: this.maxWavelength };
    }
  };
}
