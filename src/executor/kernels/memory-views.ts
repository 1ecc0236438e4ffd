import type { WasmMemory } from "./web-assembly.js";

/**
 * Typed views of the kernel memory for the JavaScript kernel, remade when the memory has grown
 * (its buffer is then a new object). Read `f32`/`i32` at the start of each call, not before.
 */
export class MemoryViews {
  private buffer: ArrayBuffer | SharedArrayBuffer | undefined;
  private floats: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private ints: Int32Array<ArrayBufferLike> = new Int32Array(0);

  constructor(private readonly memory: WasmMemory) {}

  get f32(): Float32Array<ArrayBufferLike> {
    this.refresh();
    return this.floats;
  }

  get i32(): Int32Array<ArrayBufferLike> {
    this.refresh();
    return this.ints;
  }

  private refresh(): void {
    if (this.memory.buffer === this.buffer) return;
    this.buffer = this.memory.buffer;
    this.floats = new Float32Array(this.buffer);
    this.ints = new Int32Array(this.buffer);
  }
}

/** An element index from a byte pointer. */
export const element = (pointer: number): number => pointer >> 2;
