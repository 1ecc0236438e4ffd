import { BackendError } from "../../backend/errors.js";
import type { WasmMemory } from "../kernels/web-assembly.js";
/** Byte alignment of every buffer: a cache line, so vectors never straddle two. */
const ALIGN = 64;
const PAGE = 65536;

export function align(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

/**
 * The executor's memory: one WebAssembly.Memory that the kernels address by byte offset.
 * The first page is left to the kernel module (so that 0 can mean "no buffer"); then come the
 * weights, placed once; then the region the current plan uses for activations, which only
 * grows when a plan needs more than any before it.
 */
export class Arena {
  private end = PAGE;
  private buffer: ArrayBuffer | SharedArrayBuffer | undefined;
  private f32View: Float32Array<ArrayBufferLike> = new Float32Array(0);
  private i32View: Int32Array<ArrayBufferLike> = new Int32Array(0);

  constructor(readonly memory: WasmMemory) {}

  /** Where activations start: everything below is weights. */
  get activationBase(): number {
    return this.end;
  }

  /** The memory's size in bytes. */
  get byteLength(): number {
    return this.memory.buffer.byteLength;
  }

  /** Reserves `floats` floats (zeroed) for the life of the executor; returns the byte pointer. */
  reserve(floats: number): number {
    const pointer = this.end;
    this.end += align(floats * 4);
    this.ensure(this.end);
    this.f32.fill(0, pointer >> 2, (pointer >> 2) + floats);
    return pointer;
  }

  /** Makes the memory at least `bytes` long (plus a little slack: kernels may read a vector past a row's end). */
  ensure(bytes: number): void {
    const needed = bytes + ALIGN;
    const have = this.memory.buffer.byteLength;
    if (needed <= have) return;
    try {
      this.memory.grow(Math.ceil((needed - have) / PAGE));
    } catch {
      throw new BackendError("UnsupportedByBackend", `the executor needs ${Math.ceil(needed / 2 ** 20)} MiB of memory, more than WebAssembly's 4 GiB (or than this machine gives): use smaller batches`);
    }
  }

  get f32(): Float32Array<ArrayBufferLike> {
    this.refresh();
    return this.f32View;
  }

  get i32(): Int32Array<ArrayBufferLike> {
    this.refresh();
    return this.i32View;
  }

  /** Views are remade when the memory has grown (its buffer is then another object). */
  private refresh(): void {
    const buffer = this.memory.buffer;
    if (buffer === this.buffer && buffer.byteLength === this.f32View.byteLength) return;
    this.buffer = buffer;
    this.f32View = new Float32Array(buffer);
    this.i32View = new Int32Array(buffer);
  }
}
