/** Columns per panel of a packed matrix: the width of the kernels' 4×8 register tile. */
export const PANEL = 8;

/** Floats a packed [k, n] matrix takes: n rounded up to whole panels. */
export function packedSize(k: number, n: number): number {
  return Math.ceil(n / PANEL) * PANEL * k;
}

/**
 * Packs a row-major [k, n] matrix (or the columns [from, from + n) of a wider one with `stride`
 * columns) into panels of PANEL columns: panel p holds rows 0..k-1 of its columns, PANEL
 * contiguous floats each, zero past n. The kernels' gemm reads b in this layout, so every
 * step of its inner loop loads two contiguous vectors.
 */
export function packInto(out: Float32Array, at: number, matrix: Float32Array, k: number, n: number, stride = n, from = 0): void {
  const panels = Math.ceil(n / PANEL);
  for (let p = 0; p < panels; p++) {
    const width = Math.min(PANEL, n - p * PANEL);
    for (let row = 0; row < k; row++) {
      const dst = at + (p * k + row) * PANEL;
      const src = row * stride + from + p * PANEL;
      for (let j = 0; j < width; j++) out[dst + j] = matrix[src + j]!;
      for (let j = width; j < PANEL; j++) out[dst + j] = 0;
    }
  }
}

/** A bias vector padded with zeros to whole panels. */
export function paddedSize(n: number): number {
  return Math.ceil(n / PANEL) * PANEL;
}
