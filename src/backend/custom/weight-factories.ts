import type { serialization } from "@tensorflow/tfjs";
import type { Tf } from "../backend.js";

/**
 * The initializers and regularizers of custom layers' weights, from the config values
 * nnspec writes: an initializer's tfjs identifier ("glorotUniform"), a regularizer as
 * {className: "L1L2", config: {l1, l2}} or null. Arguments are tfjs's defaults, which are
 * Keras's (random_uniform ±0.05, orthogonal gain 1, …). When nnspec builds a model it sets
 * every weight itself; these matter for a layer built from its config alone.
 */

export type Initializer = ReturnType<Tf["initializers"]["ones"]>;
export type Regularizer = ReturnType<Tf["regularizers"]["l1l2"]>;

const INITIALIZERS = [
  "zeros",
  "ones",
  "glorotUniform",
  "glorotNormal",
  "heUniform",
  "heNormal",
  "leCunUniform",
  "leCunNormal",
  "randomUniform",
  "randomNormal",
  "truncatedNormal",
  "orthogonal",
  "identity",
] as const;

type InitializerName = (typeof INITIALIZERS)[number];

export function initializerFrom(tf: Tf, className: string, value: unknown): Initializer {
  if (typeof value !== "string" || !(INITIALIZERS as readonly string[]).includes(value)) {
    throw new Error(`${className}: unknown initializer ${JSON.stringify(value)}; expected one of ${INITIALIZERS.join(", ")}`);
  }
  const make = tf.initializers[value as InitializerName] as (args: Record<string, never>) => Initializer;
  return make({});
}

export function regularizerFrom(tf: Tf, className: string, value: serialization.ConfigDictValue | undefined): Regularizer | undefined {
  if (value === null || value === undefined) return undefined;
  const config = (value as serialization.ConfigDict).config as serialization.ConfigDict | undefined;
  const l1 = config?.l1 ?? 0;
  const l2 = config?.l2 ?? 0;
  if ((value as serialization.ConfigDict).className !== "L1L2" || typeof l1 !== "number" || typeof l2 !== "number") {
    throw new Error(`${className}: regularizers are {className: "L1L2", config: {l1, l2}}, got ${JSON.stringify(value)}`);
  }
  return tf.regularizers.l1l2({ l1, l2 });
}
