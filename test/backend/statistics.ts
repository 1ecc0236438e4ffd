/** Sample moments and range of a set of values. */
export interface Moments {
  mean: number;
  variance: number;
  min: number;
  max: number;
}

export function moments(values: ArrayLike<number>): Moments {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return { mean, variance: squares / values.length, min, max };
}

/**
 * The largest |(M Mᵀ)_ij - δ_ij| over the rows of a row-major rows × columns matrix:
 * how far its rows are from orthonormal.
 */
export function rowOrthonormalityError(m: Float32Array, rows: number, columns: number): number {
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = i; j < rows; j++) {
      let dot = 0;
      for (let k = 0; k < columns; k++) dot += m[i * columns + k]! * m[j * columns + k]!;
      worst = Math.max(worst, Math.abs(dot - (i === j ? 1 : 0)));
    }
  }
  return worst;
}
