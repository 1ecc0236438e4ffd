/**
 * The activations tfjs-layers implements, by their Keras names, and the names tfjs-layers
 * registers them under (it camelCases a few: hard_sigmoid → hardSigmoid).
 */
const TFJS_NAMES = {
  relu: "relu",
  relu6: "relu6",
  elu: "elu",
  selu: "selu",
  sigmoid: "sigmoid",
  hard_sigmoid: "hardSigmoid",
  tanh: "tanh",
  softplus: "softplus",
  softsign: "softsign",
  swish: "swish",
  mish: "mish",
  gelu: "gelu",
  linear: "linear",
  softmax: "softmax",
  log_softmax: "logSoftmax",
} as const;

export type ActivationName = keyof typeof TFJS_NAMES;

/** Keras activation names, in the order messages list them. */
export const activationNames = Object.keys(TFJS_NAMES) as ActivationName[];

/** The tfjs-layers name of a Keras activation; none is Keras's linear. */
export function tfjsActivation(name: string | null): string {
  if (name === null) return "linear";
  const tfjs = (TFJS_NAMES as Record<string, string>)[name];
  if (tfjs === undefined) throw new Error(`unknown activation '${name}'`);
  return tfjs;
}
