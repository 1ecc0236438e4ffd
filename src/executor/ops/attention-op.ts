import { ACTIVATION_CODES } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import { emitAttention, scoresScratch, type Scoring } from "./attention-core.js";
import { emitProduct } from "./product.js";

/** What distinguishes Attention, AdditiveAttention, LuongAttention and ScaledDotProductAttention. */
export interface QueryValueAttention {
  /** The scores, given the key's feature size. */
  scoring(keyWidth: number): Scoring;
  /** LuongAttention's "general" score: the query times this [query features, key features] matrix first. */
  queryProjection?: PackedMatrix;
  causal: boolean;
  returnsWeights: boolean;
}

/**
 * The attention layers over (query, value[, key]), each [… , time, features] with the same
 * leading dims (flattened into one batch here): output [… , Tq, dv] and, if asked, the weights
 * [… , Tq, Tv]. `queryMask` is the id of the query's mask, when it has one: tfjs-layers hands a
 * custom layer the first input's mask only, so the value's padding is never masked, and the
 * query's zeroes the output rows of padded query steps (Keras's Attention does that last).
 */
export function queryValueAttentionOp(
  layer: string,
  inputs: readonly string[],
  queryMask: string | undefined,
  outputs: readonly string[],
  attention: QueryValueAttention,
): ExecOp {
  const keyIndex = inputs.length > 2 ? 2 : 1;
  const { queryProjection, returnsWeights } = attention;
  return {
    layer,
    inputs: queryMask ? [...inputs, queryMask] : inputs,
    outputs,
    shapes([query, value]) {
      const leading = query!.slice(0, -1);
      const out = [...leading, value!.at(-1)!];
      return returnsWeights ? [out, [...leading, value!.at(-2)!]] : [out];
    },
    scratch([query, value]) {
      const [batch, tq, tv] = [sizeOf(query!.slice(0, -2)), query!.at(-2)!, value!.at(-2)!];
      const scores = returnsWeights ? 0 : scoresScratch(batch, 1, tq, tv);
      const projected = queryProjection ? batch * tq * queryProjection.n : 0;
      return [scores, projected];
    },
    emit(emit: Emitter, ins: readonly BufferRef[], outs: readonly BufferRef[], [scores, projected]: readonly number[]) {
      const [query, value, key] = [ins[0]!, ins[1]!, ins[keyIndex]!];
      const [tq, dq] = query.shape.slice(-2) as [number, number];
      const [tv, dv] = value.shape.slice(-2) as [number, number];
      const batch = sizeOf(query.shape.slice(0, -2));
      const dk = key.shape.at(-1)!;
      let [q, width] = [query.pointer, dq];
      if (queryProjection) {
        const product = { a: q, lda: dq, weights: queryProjection, bias: 0, addend: 0, ldAdd: 0, c: projected!, ldc: dk, m: batch * tq, activation: ACTIVATION_CODES.linear };
        emitProduct(emit, product, true);
        [q, width] = [projected!, dk];
      }
      emitAttention(emit, {
        batch,
        heads: 1,
        queryLength: tq,
        valueLength: tv,
        keyWidth: dk,
        valueWidth: dv,
        query: { pointer: q, batch: tq * width, head: 0, row: width },
        key: { pointer: key.pointer, batch: tv * dk, head: 0, row: dk },
        value: { pointer: value.pointer, batch: tv * dv, head: 0, row: dv },
        output: { pointer: outs[0]!.pointer, batch: tq * dv, head: 0, row: dv },
        weights: returnsWeights ? outs[1]!.pointer : scores!,
        weightsInScratch: !returnsWeights,
        scoring: attention.scoring(dk),
        causal: attention.causal,
        scoreRowMask: 0,
        outputRowMask: queryMask ? ins.at(-1)!.pointer : 0,
      });
    },
  };
}
