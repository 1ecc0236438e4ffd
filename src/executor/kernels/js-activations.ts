import { ACTIVATION_CODES as A, type ActivationCode } from "./codes.js";

/** erf by Abramowitz & Stegun 7.1.26, as TensorFlow.js computes it (absolute error below 1.5e-7). */
export function erf(x: number): number {
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const p = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return Math.sign(x) * (1 - p * Math.exp(-a * a));
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** One element through an element-wise activation, in double precision (stored as float32 by the caller). */
export function activate1(code: ActivationCode, x: number): number {
  switch (code) {
    case A.relu:
      return Math.max(x, 0);
    case A.relu6:
      return Math.min(Math.max(x, 0), 6);
    case A.elu:
      return x > 0 ? x : Math.exp(x) - 1;
    case A.selu:
      return 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1));
    case A.sigmoid:
      return sigmoid(x);
    case A.hard_sigmoid:
      return Math.min(Math.max(0.2 * x + 0.5, 0), 1);
    case A.tanh:
      return Math.tanh(x);
    case A.softplus:
      return softplus(x);
    case A.softsign:
      return x / (Math.abs(x) + 1);
    case A.swish:
      return x * sigmoid(x);
    case A.mish:
      return x * Math.tanh(softplus(x));
    case A.gelu:
      return 0.5 * x * (1 + erf(x / Math.SQRT2));
    default:
      return x;
  }
}
