import { elementCount } from "./element-count.js";
import { signedQ } from "./householder-qr.js";
import type { RandomStream } from "./random-stream.js";

/**
 * Keras's Orthogonal initializer: view the shape as a matrix (prod(shape[:-1]), shape[-1]),
 * take the Q of the QR decomposition of a normal matrix of shape (max, min), with each column
 * multiplied by the sign of R's diagonal (so Q is uniformly distributed), transposed when
 * the matrix is wide, times `gain`.
 */
export function orthogonal(shape: readonly number[], stream: RandomStream, gain: number): Float32Array {
  if (shape.length < 2) throw new RangeError(`orthogonal needs a shape of rank >= 2, got [${shape.join(", ")}]`);
  const columns = shape.at(-1)!;
  if (elementCount(shape) === 0) return new Float32Array(0);
  const rows = elementCount(shape) / columns;
  const tall = Math.max(rows, columns);
  const narrow = Math.min(rows, columns);
  const normal = new Float64Array(tall * narrow);
  for (let i = 0; i < normal.length; i++) normal[i] = stream.nextNormal();
  // q is column-major tall × narrow. Read as row-major it is qᵀ (narrow × tall), so it is
  // already the wide result when rows < columns, and needs a transpose otherwise.
  const q = signedQ(normal, tall, narrow);
  const out = new Float32Array(rows * columns);
  if (rows < columns) {
    for (let i = 0; i < out.length; i++) out[i] = gain * q[i]!;
  } else {
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) out[r * columns + c] = gain * q[c * rows + r]!;
    }
  }
  return out;
}
