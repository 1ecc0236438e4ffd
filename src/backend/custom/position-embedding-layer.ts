import type { LayerVariable, serialization, Shape, Tensor } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configNumber, configString } from "./config-values.js";
import { initializerFrom } from "./weight-factories.js";

/**
 * keras_nlp's PositionEmbedding: `embeddings` [sequenceLength, features], one learned vector
 * per position; on [batch, time, features] it returns the first `time` of them, broadcast over
 * the batch (the caller adds them to its input). Masks pass through.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function definePositionEmbedding(tf: Tf) {
  return class PositionEmbedding extends tf.layers.Layer {
    static readonly className = "PositionEmbedding";
    readonly sequenceLength: number;
    readonly initializer: string;
    embeddings: LayerVariable | null = null;

    constructor(config: serialization.ConfigDict) {
      super(config);
      this.sequenceLength = configNumber(config, PositionEmbedding.className, "sequenceLength");
      this.initializer = configString(config, PositionEmbedding.className, "initializer", "glorotUniform");
      this.supportsMasking = true;
    }

    override build(inputShape: Shape | Shape[]): void {
      const features = (inputShape as Shape).at(-1);
      if (typeof features !== "number") throw new Error("PositionEmbedding: the feature size must be known to build its embeddings");
      const initializer = initializerFrom(tf, PositionEmbedding.className, this.initializer);
      this.embeddings = this.addWeight("embeddings", [this.sequenceLength, features], "float32", initializer);
      this.built = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
      return [...(inputShape as Shape)];
    }

    override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
      return tf.tidy(() => {
        const input = Array.isArray(inputs) ? inputs[0] : inputs;
        const [batch, time, features] = input.shape as [number, number, number];
        if (time > this.sequenceLength) {
          throw new Error(`PositionEmbedding: the input has ${time} steps, more than sequenceLength ${this.sequenceLength}`);
        }
        const positions = tf.slice(this.embeddings!.read(), [0, 0], [time, features]);
        return tf.broadcastTo(positions.expandDims(0), [batch, time, features]);
      });
    }

    override getConfig(): serialization.ConfigDict {
      return { ...super.getConfig(), sequenceLength: this.sequenceLength, initializer: this.initializer };
    }
  };
}
