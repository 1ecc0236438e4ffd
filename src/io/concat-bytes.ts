/** The bytes of several buffers one after the other, in one new buffer. */
export function concatBytes(chunks: readonly (ArrayBuffer | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  const views = chunks.map((chunk) => (chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk)));
  const joined = new Uint8Array(views.reduce((sum, view) => sum + view.byteLength, 0));
  let offset = 0;
  for (const view of views) {
    joined.set(view, offset);
    offset += view.byteLength;
  }
  return joined;
}
