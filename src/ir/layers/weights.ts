import type { InitializerSpec, RegularizerValue, WeightSpec } from "../types.js";

/** A trainable weight; the regularizer is recorded only when there is one. */
export function weight(
  name: string,
  shape: number[],
  initializer: InitializerSpec,
  regularizer: RegularizerValue | null,
): WeightSpec {
  const spec: WeightSpec = { name, shape, initializer, trainable: true };
  if (regularizer !== null) spec.regularizer = regularizer;
  return spec;
}
