import type { Arena } from "../plan/arena.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";
import { checkIds } from "./ids-check.js";

/** A table of `rows` rows of `width` floats in the arena, indexed by token ID. */
export interface LookupTable {
  pointer: number;
  rows: number;
  width: number;
}

/**
 * An Embedding lookup: [..., ] int32 IDs → [..., width] rows of a table. The table is the
 * Embedding's own, or one that a following linear layer was folded into (fold-embedding.ts).
 */
export function lookupOp(layer: string, input: string, output: string, table: LookupTable, arena: Arena): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([ids]) => [[...ids!, table.width]],
    scratch: () => [],
    emit(emit: Emitter, [ids]: readonly BufferRef[], [out]: readonly BufferRef[]) {
      emitLookup(emit, arena, layer, input, table, ids!, out!.pointer, table.width);
    },
  };
}

/** Checks the IDs (on the main thread), then gathers one table row per ID into rows `ldOut` apart. */
export function emitLookup(
  emit: Emitter,
  arena: Arena,
  layer: string,
  value: string,
  table: LookupTable,
  ids: BufferRef,
  out: number,
  ldOut: number,
): void {
  emit.host(() => checkIds(arena, ids.pointer, ids.shape, table.rows, value, layer));
  emit.call("gather", table.pointer, table.width, ids.pointer, sizeOf(ids.shape), out, ldOut);
}
