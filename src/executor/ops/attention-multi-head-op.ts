import { ACTIVATION_CODES } from "../kernels/codes.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";
import type { PackedMatrix } from "../plan/place-weights.js";
import { emitAttention, scoresScratch, type StepRows } from "./attention-core.js";
import { emitProduct } from "./product.js";

const LINEAR = ACTIVATION_CODES.linear;

/**
 * One product over an input tensor computing the projections that read it, side by side
 * (self-attention: query, key and value in one product, reading the input once).
 */
export interface InputProjection {
  /** The input's index among the op's inputs. */
  input: number;
  weights: PackedMatrix;
  /** 0: no bias. */
  bias: number;
}

/** Where a projection's heads are: which InputProjection computes it, and from which column. */
export interface ProjectedHeads {
  product: number;
  column: number;
}

export interface MultiHeadAttention {
  heads: number;
  keyDim: number;
  valueDim: number;
  products: InputProjection[];
  query: ProjectedHeads;
  key: ProjectedHeads;
  value: ProjectedHeads;
  /** [heads·valueDim, Π outputShape]. */
  output: PackedMatrix;
  outputBias: number;
  /** The output's dims after [batch, Tq]: Keras's output_shape, or the query's features. */
  outputShape: number[];
  causal: boolean;
  returnsWeights: boolean;
  /** Bias added in the products' epilogue (optimizations.fuseEpilogue). */
  fuse: boolean;
  /** The value's index among the op's inputs, whose shape gives Tv (the query is input 0). */
  valueInput: number;
}

/**
 * Keras's MultiHeadAttention, inputs [batch, time, features]: projections to heads (one product
 * per distinct input), scaled dot-product attention over every (batch row, head) with the heads
 * read in place as column blocks, the heads' results written side by side, and one output
 * projection. `queryMask`: tfjs-layers hands the layer the query's mask alone, which masks
 * every score of a padded query step (its weights come out uniform); the value's never applies.
 */
export function multiHeadAttentionOp(
  layer: string,
  inputs: readonly string[],
  queryMask: string | undefined,
  outputs: readonly string[],
  mha: MultiHeadAttention,
): ExecOp {
  const { heads, keyDim, valueDim, products, returnsWeights } = mha;
  const lengths = (shapes: readonly number[][]) => [shapes[0]![1]!, shapes[mha.valueInput]![1]!] as const;
  return {
    layer,
    inputs: queryMask ? [...inputs, queryMask] : inputs,
    outputs,
    shapes(shapes) {
      const batch = shapes[0]![0]!;
      const [tq, tv] = lengths(shapes);
      const out = [batch, tq, ...mha.outputShape];
      return returnsWeights ? [out, [batch, heads, tq, tv]] : [out];
    },
    scratch(shapes) {
      const batch = shapes[0]![0]!;
      const [tq, tv] = lengths(shapes);
      const projected = products.map((p) => batch * shapes[p.input]![1]! * p.weights.n);
      return [...projected, returnsWeights ? 0 : scoresScratch(batch, heads, tq, tv), batch * tq * heads * valueDim];
    },
    emit(emit: Emitter, ins: readonly BufferRef[], outs: readonly BufferRef[], scratch: readonly number[]) {
      const batch = ins[0]!.shape[0]!;
      const [tq, tv] = lengths(ins.map((b) => b.shape));
      products.forEach((p, i) => {
        const input = ins[p.input]!;
        const rows = batch * input.shape[1]!;
        const product = { a: input.pointer, lda: p.weights.k, weights: p.weights, bias: p.bias, addend: 0, ldAdd: 0, c: scratch[i]!, ldc: p.weights.n, m: rows, activation: LINEAR };
        emitProduct(emit, product, mha.fuse);
      });
      const headRows = (where: ProjectedHeads, width: number, length: number): StepRows => {
        const n = products[where.product]!.weights.n;
        return { pointer: scratch[where.product]! + where.column * 4, batch: length * n, head: width, row: n };
      };
      const attended = scratch[products.length + 1]!;
      const concatenated = heads * valueDim;
      emitAttention(emit, {
        batch,
        heads,
        queryLength: tq,
        valueLength: tv,
        keyWidth: keyDim,
        valueWidth: valueDim,
        query: headRows(mha.query, keyDim, tq),
        key: headRows(mha.key, keyDim, tv),
        value: headRows(mha.value, valueDim, tv),
        output: { pointer: attended, batch: tq * concatenated, head: valueDim, row: concatenated },
        weights: returnsWeights ? outs[1]!.pointer : scratch[products.length]!,
        weightsInScratch: !returnsWeights,
        // tfjs-layers divides the scores by √key_dim (Keras scales the query instead): the same up to rounding.
        scoring: { kind: "dot", factor: 1 / Math.sqrt(keyDim) },
        causal: mha.causal,
        scoreRowMask: queryMask ? ins.at(-1)!.pointer : 0,
        outputRowMask: 0,
      });
      const { output, outputBias } = mha;
      const projection = { a: attended, lda: concatenated, weights: output, bias: outputBias, addend: 0, ldAdd: 0, c: outs[0]!.pointer, ldc: output.n, m: batch * tq, activation: LINEAR };
      emitProduct(emit, projection, mha.fuse);
    },
  };
}
