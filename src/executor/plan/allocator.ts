import { align } from "./arena.js";

/**
 * Places buffers in the activation region by lifetime: a freed buffer's bytes serve later
 * ones (first fit). The plan frees each value after its last reader, so the region stays near
 * the largest set of values alive at once rather than the sum of all.
 * Without reuse every buffer gets fresh bytes (for measuring what reuse saves).
 */
export class Allocator {
  /** Live blocks, sorted by offset. */
  private live: { offset: number; size: number }[] = [];
  private top = 0;

  constructor(
    private readonly base: number,
    private readonly reuse: boolean,
  ) {}

  /** Bytes from base to the end of the highest block ever placed. */
  get extent(): number {
    return this.top;
  }

  /** Places `floats` floats; returns the byte pointer. */
  allocate(floats: number): number {
    const size = align(Math.max(floats, 1) * 4);
    let offset = 0;
    let index = 0;
    if (this.reuse) {
      for (; index < this.live.length; index++) {
        const block = this.live[index]!;
        if (block.offset - offset >= size) break;
        offset = block.offset + block.size;
      }
    } else {
      offset = this.top;
      index = this.live.length;
    }
    this.live.splice(index, 0, { offset, size });
    this.top = Math.max(this.top, offset + size);
    return this.base + offset;
  }

  /** Frees the block at `pointer`. */
  free(pointer: number): void {
    const index = this.live.findIndex((block) => this.base + block.offset === pointer);
    if (index >= 0) this.live.splice(index, 1);
  }
}
