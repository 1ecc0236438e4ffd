/**
 * Thin QR decomposition by Householder reflections, in Float64Array.
 * Matrices are column-major (element (i, j) at j·rows + i) so every inner loop walks
 * contiguous columns. Reflections are applied two at a time to four columns at a time: each
 * pass over memory then does four times the arithmetic, which is what makes plain JS fast
 * here (an 800×200 matrix takes about 30 ms).
 */

/**
 * For A (rows × cols, rows ≥ cols, column-major), the Q of A = QR with Q's columns
 * multiplied by sign(diag(R)): the unique factor whose R has a non-negative diagonal.
 * This is what Keras's orthogonal initializer computes. A is overwritten.
 */
export function signedQ(a: Float64Array, rows: number, cols: number): Float64Array {
  if (rows < cols) throw new RangeError(`signedQ needs rows >= cols, got ${rows}×${cols}`);
  const betas = new Float64Array(cols);
  const rDiagonal = new Float64Array(cols);
  // Reduce A to R: reflection k zeroes column k below the diagonal. Its vector replaces the column.
  for (let k = 0; k < cols; k += 2) {
    makeReflector(a, rows, k, betas, rDiagonal);
    if (k + 1 === cols) break;
    // Column k+1 needs H_k before H_{k+1} can be made from it; then both go to the rest at once.
    applyReflections(a, rows, k, betas[k]!, k, 0, a, k + 1, k + 2);
    makeReflector(a, rows, k + 1, betas, rDiagonal);
    applyReflections(a, rows, k, betas[k]!, k + 1, betas[k + 1]!, a, k + 2, cols);
  }
  // Q = H_0 H_1 … H_{cols-1} applied to the first cols columns of the identity, last reflection
  // first. Columns left of the reflections still hold unit vectors those reflections leave alone.
  const q = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) q[j * rows + j] = 1;
  for (let k = cols - 1; k >= 0; k -= 2) {
    const next = Math.max(k - 1, 0);
    applyReflections(a, rows, k, betas[k]!, next, k > 0 ? betas[next]! : 0, q, next, cols);
  }
  for (let j = 0; j < cols; j++) {
    // sign(0) would zero a column; a zero on R's diagonal has probability 0, keep it orthonormal.
    if (rDiagonal[j]! < 0) {
      for (let i = j * rows, end = i + rows; i < end; i++) q[i] = -q[i]!;
    }
  }
  return q;
}

/**
 * Turns column k of `a` into the vector v of H_k = I - β v vᵀ, which maps the column's part
 * from row k down onto (r_kk, 0, …, 0). Rows above k are set to zero (R's entries there are
 * not needed), so every reflection can be read from any row.
 */
function makeReflector(a: Float64Array, rows: number, k: number, betas: Float64Array, rDiagonal: Float64Array): void {
  const column = k * rows;
  for (let i = 0; i < k; i++) a[column + i] = 0;
  let norm2 = 0;
  for (let i = k; i < rows; i++) norm2 += a[column + i]! * a[column + i]!;
  const x0 = a[column + k]!;
  // Reflect onto -sign(x0)·‖x‖ so v0 = x0 - alpha never cancels.
  const alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
  rDiagonal[k] = alpha;
  a[column + k] = x0 - alpha;
  const vNorm2 = norm2 - x0 * x0 + (x0 - alpha) * (x0 - alpha);
  betas[k] = vNorm2 > 0 ? 2 / vNorm2 : 0;
}

/**
 * y_j ← H_s H_p y_j for the columns j in [firstColumn, endColumn) of y, where H_p and H_s are
 * the reflections stored in columns p and s of v (|p - s| ≤ 1; βs = 0 makes H_s the identity).
 * With c = v_s·v_p: H_s H_p y = y - σp v_p - σs v_s, σp = βp (v_p·y), σs = βs (v_s·y - σp c).
 * One code path for every use keeps V8's optimised code stable from the first call.
 */
function applyReflections(
  v: Float64Array,
  rows: number,
  p: number,
  betaP: number,
  s: number,
  betaS: number,
  y: Float64Array,
  firstColumn: number,
  endColumn: number,
): void {
  const vp = p * rows;
  const vs = s * rows;
  const start = Math.min(p, s);
  let c = 0;
  for (let i = start; i < rows; i++) c += v[vp + i]! * v[vs + i]!;
  let j = firstColumn;
  for (; j + 4 <= endColumn; j += 4) {
    const y0 = j * rows;
    const y1 = y0 + rows;
    const y2 = y1 + rows;
    const y3 = y2 + rows;
    let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let i = start; i < rows; i++) {
      const vpi = v[vp + i]!;
      const vsi = v[vs + i]!;
      const a0 = y[y0 + i]!;
      const a1 = y[y1 + i]!;
      const a2 = y[y2 + i]!;
      const a3 = y[y3 + i]!;
      p0 += vpi * a0;
      p1 += vpi * a1;
      p2 += vpi * a2;
      p3 += vpi * a3;
      s0 += vsi * a0;
      s1 += vsi * a1;
      s2 += vsi * a2;
      s3 += vsi * a3;
    }
    p0 *= betaP;
    p1 *= betaP;
    p2 *= betaP;
    p3 *= betaP;
    s0 = betaS * (s0 - p0 * c);
    s1 = betaS * (s1 - p1 * c);
    s2 = betaS * (s2 - p2 * c);
    s3 = betaS * (s3 - p3 * c);
    for (let i = start; i < rows; i++) {
      const vpi = v[vp + i]!;
      const vsi = v[vs + i]!;
      y[y0 + i] = y[y0 + i]! - p0 * vpi - s0 * vsi;
      y[y1 + i] = y[y1 + i]! - p1 * vpi - s1 * vsi;
      y[y2 + i] = y[y2 + i]! - p2 * vpi - s2 * vsi;
      y[y3 + i] = y[y3 + i]! - p3 * vpi - s3 * vsi;
    }
  }
  for (; j < endColumn; j++) {
    const y0 = j * rows;
    let p0 = 0;
    let s0 = 0;
    for (let i = start; i < rows; i++) {
      p0 += v[vp + i]! * y[y0 + i]!;
      s0 += v[vs + i]! * y[y0 + i]!;
    }
    p0 *= betaP;
    s0 = betaS * (s0 - p0 * c);
    for (let i = start; i < rows; i++) y[y0 + i] = y[y0 + i]! - p0 * v[vp + i]! - s0 * v[vs + i]!;
  }
}
