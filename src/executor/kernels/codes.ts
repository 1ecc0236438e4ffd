/**
 * Numbers shared with the WebAssembly kernel (assembly/activations.as, assembly/tensor-ops.as):
 * which activation and which element-wise operation a call means.
 */

export const ACTIVATION_CODES = {
  linear: 0,
  relu: 1,
  relu6: 2,
  elu: 3,
  selu: 4,
  sigmoid: 5,
  hard_sigmoid: 6,
  tanh: 7,
  softplus: 8,
  softsign: 9,
  swish: 10,
  mish: 11,
  gelu: 12,
  softmax: 13,
  log_softmax: 14,
} as const;

export type ActivationCode = (typeof ACTIVATION_CODES)[keyof typeof ACTIVATION_CODES];

/** Softmax and log-softmax normalise along a row; every other activation is element-wise. */
export function isRowwise(code: ActivationCode): boolean {
  return code === ACTIVATION_CODES.softmax || code === ACTIVATION_CODES.log_softmax;
}

/** The code of a Keras activation name; null (no activation) is linear. */
export function activationCode(name: string | null): ActivationCode {
  if (name === null) return ACTIVATION_CODES.linear;
  const code = (ACTIVATION_CODES as Record<string, ActivationCode>)[name];
  if (code === undefined) throw new Error(`unknown activation '${name}'`);
  return code;
}

export const BINARY_CODES = { add: 0, subtract: 1, multiply: 2, maximum: 3, minimum: 4 } as const;

export type BinaryCode = (typeof BINARY_CODES)[keyof typeof BINARY_CODES];
