/** A weight's fan-in and fan-out, as Keras's `_compute_fans` counts them. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/**
 * Keras's rule: a vector uses its length for both; a matrix [fan_in, fan_out]; a convolution
 * kernel [...receptive field, in, out] multiplies both by the receptive field size.
 */
export function computeFans(shape: readonly number[]): Fans {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0]!, fanOut: shape[0]! };
  if (shape.length === 2) return { fanIn: shape[0]!, fanOut: shape[1]! };
  let receptiveField = 1;
  for (const d of shape.slice(0, -2)) receptiveField *= d;
  return { fanIn: shape.at(-2)! * receptiveField, fanOut: shape.at(-1)! * receptiveField };
}
