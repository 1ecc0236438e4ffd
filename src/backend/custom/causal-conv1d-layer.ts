import type { LayerVariable, layers, serialization, Shape, Tensor, Tensor3D } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";
import { configBoolean, configNumber, configString } from "./config-values.js";
import { initializerFrom, regularizerFrom } from "./weight-factories.js";

/**
 * Keras's Conv1D with padding "causal", which tfjs-layers' Conv1D does not run: the input is
 * padded with (kernelSize − 1)·dilationRate zeros at the start only, then convolved "valid",
 * so output step t depends on input steps ≤ t. Weights as Conv1D: kernel [kernelSize,
 * channels, filters], then bias.
 *
 * @internal Built at run time from the loaded tfjs module; not in the package's types.
 */
export function defineCausalConv1D(tf: Tf) {
  return class CausalConv1D extends tf.layers.Layer {
    static readonly className = "CausalConv1D";
    readonly filters: number;
    readonly kernelSize: number;
    readonly strides: number;
    readonly dilationRate: number;
    readonly activation: string;
    readonly useBias: boolean;
    readonly kernelInitializer: string;
    readonly biasInitializer: string;
    readonly kernelRegularizer: serialization.ConfigDictValue;
    readonly biasRegularizer: serialization.ConfigDictValue;
    readonly activationLayer: layers.Layer | null;
    kernel: LayerVariable | null = null;
    bias: LayerVariable | null = null;

    constructor(config: serialization.ConfigDict) {
      super(config);
      const name = CausalConv1D.className;
      this.filters = configNumber(config, name, "filters");
      this.kernelSize = configNumber(config, name, "kernelSize");
      this.strides = configNumber(config, name, "strides", 1);
      this.dilationRate = configNumber(config, name, "dilationRate", 1);
      if (this.strides > 1 && this.dilationRate > 1) throw new Error("CausalConv1D: strides and dilationRate cannot both exceed 1");
      this.activation = configString(config, name, "activation", "linear");
      this.useBias = configBoolean(config, name, "useBias", true);
      this.kernelInitializer = configString(config, name, "kernelInitializer", "glorotUniform");
      this.biasInitializer = configString(config, name, "biasInitializer", "zeros");
      this.kernelRegularizer = config.kernelRegularizer ?? null;
      this.biasRegularizer = config.biasRegularizer ?? null;
      // tfjs exports no activation lookup; its Activation layer applies one by name.
      this.activationLayer = this.activation === "linear" ? null : tf.layers.activation({ activation: this.activation as "relu" });
    }

    override build(inputShape: Shape | Shape[]): void {
      const channels = (inputShape as Shape).at(-1);
      if (typeof channels !== "number") throw new Error("CausalConv1D: the number of channels must be known to build its kernel");
      const name = CausalConv1D.className;
      this.kernel = this.addWeight(
        "kernel",
        [this.kernelSize, channels, this.filters],
        "float32",
        initializerFrom(tf, name, this.kernelInitializer),
        regularizerFrom(tf, name, this.kernelRegularizer),
      );
      if (this.useBias) {
        const initializer = initializerFrom(tf, name, this.biasInitializer);
        this.bias = this.addWeight("bias", [this.filters], "float32", initializer, regularizerFrom(tf, name, this.biasRegularizer));
      }
      this.built = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
      const [batch, steps] = inputShape as Shape;
      return [batch, steps === null ? null : Math.ceil(steps / this.strides), this.filters];
    }

    override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
      return tf.tidy(() => {
        const input = (Array.isArray(inputs) ? inputs[0] : inputs) as Tensor3D;
        const padded = tf.pad(input, [[0, 0], [(this.kernelSize - 1) * this.dilationRate, 0], [0, 0]]);
        const convolved = tf.conv1d(padded, this.kernel!.read() as Tensor3D, this.strides, "valid", "NWC", this.dilationRate);
        const biased = this.bias ? tf.add(convolved, this.bias.read()) : convolved;
        return this.activationLayer ? (this.activationLayer.apply(biased) as Tensor) : biased;
      });
    }

    override getConfig(): serialization.ConfigDict {
      return {
        ...super.getConfig(),
        filters: this.filters,
        kernelSize: this.kernelSize,
        strides: this.strides,
        dilationRate: this.dilationRate,
        activation: this.activation,
        useBias: this.useBias,
        kernelInitializer: this.kernelInitializer,
        biasInitializer: this.biasInitializer,
        kernelRegularizer: this.kernelRegularizer,
        biasRegularizer: this.biasRegularizer,
      };
    }
  };
}
