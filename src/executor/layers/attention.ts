import { booleanOption, nullableNumberOption, numberOption, stringOption } from "../../ir/layers/option-values.js";
import type { Scoring } from "../ops/attention-core.js";
import { multiHeadAttentionOp, type InputProjection, type ProjectedHeads } from "../ops/attention-multi-head-op.js";
import { queryValueAttentionOp } from "../ops/attention-op.js";
import { placeBlocks, placeMatrix, placeVector, type ColumnBlock, type PackedMatrix } from "../plan/place-weights.js";
import type { LayerLowering, LoweringContext, NodeView } from "./lowering.js";

/**
 * The output masks as the Layers model has them: computeMask gives the output the query's mask
 * and the attention weights none, but tfjs-layers' executor gives every output of a layer the
 * first one's mask, so the weights carry the query's mask too.
 */
function queryMaskOnEveryOutput({ node, mask }: NodeView): (string | undefined)[] {
  const queryMask = mask(node.inputs[0]!);
  return node.outputs.map(() => queryMask);
}

/** A scalar weight (Attention's scale and concat_score_weight). */
function scalar(context: LoweringContext, name: string): number {
  return context.weight(name)![0]!;
}

/** How each layer type scores a query step against a key step, given the key's feature size. */
function scoring(context: LoweringContext): (keyWidth: number) => Scoring {
  const { layer, arena } = context;
  const options = layer.options;
  switch (layer.type) {
    case "Attention": {
      const scale = booleanOption(options, "use_scale") ? scalar(context, "scale") : 1;
      if (stringOption(options, "score_mode") === "concat") {
        const outer = scalar(context, "concat_score_weight");
        return () => ({ kind: "additive", weights: 0, inner: scale, outer });
      }
      return () => ({ kind: "dot", factor: scale });
    }
    case "AdditiveAttention": {
      const weights = booleanOption(options, "use_scale") ? placeVector(arena, context.weight("scale")!) : 0;
      return () => ({ kind: "additive", weights, inner: 1, outer: 1 });
    }
    case "ScaledDotProductAttention":
      return (keyWidth) => ({ kind: "dot", factor: 1 / Math.sqrt(keyWidth) });
    default:
      // LuongAttention: query·keyᵀ, after the query's projection with score "general".
      return () => ({ kind: "dot", factor: 1 });
  }
}

/** Attention, AdditiveAttention, LuongAttention and ScaledDotProductAttention over (query, value[, key]). */
const queryValue: LayerLowering = {
  types: ["Attention", "AdditiveAttention", "LuongAttention", "ScaledDotProductAttention"],
  masks: "applies",
  unsupported: ({ layer, node, mask, rank }) =>
    mask(node.inputs[0]!) && rank(node.inputs[0]!) !== 3 ? `${layer.type}: the executor applies a query's mask to 3-D queries [batch, time, features] only` : undefined,
  outputMasks: queryMaskOnEveryOutput,
  lower(context) {
    const { layer, node, arena } = context;
    const options = layer.options;
    let queryProjection: PackedMatrix | undefined;
    if (layer.type === "LuongAttention" && stringOption(options, "score") === "general") {
      const [queryFeatures, keyFeatures] = layer.weights.find((w) => w.name === "kernel")!.shape as [number, number];
      queryProjection = placeMatrix(arena, context.weight("kernel")!, queryFeatures, keyFeatures);
    }
    const causal = booleanOption(options, layer.type === "ScaledDotProductAttention" ? "causal" : "use_causal_mask");
    const op = queryValueAttentionOp(layer.name, node.inputs, context.mask(node.inputs[0]!), node.outputs.map((o) => o.id), {
      scoring: scoring(context),
      queryProjection,
      causal,
      returnsWeights: booleanOption(options, "return_attention_scores"),
    });
    context.push(op);
  },
};

/** Keras's MultiHeadAttention over (query, value[, key]). */
const multiHead: LayerLowering = {
  types: ["MultiHeadAttention"],
  masks: "applies",
  outputMasks: queryMaskOnEveryOutput,
  lower(context) {
    const { layer, node, arena, optimizations } = context;
    const options = layer.options;
    const heads = numberOption(options, "num_heads");
    const keyDim = numberOption(options, "key_dim");
    const valueDim = nullableNumberOption(options, "value_dim") ?? keyDim;
    const useBias = booleanOption(options, "use_bias");
    const [queryId, valueId] = node.inputs as [string, string];
    const keyId = node.inputs[2] ?? valueId;
    const inputs = [...new Set([queryId, valueId, keyId])];

    // The projections reading one input share a product: their kernels side by side.
    const groups: { input: number; blocks: ColumnBlock[]; biases: Float32Array[]; width: number }[] = [];
    const project = (name: string, source: string, width: number): ProjectedHeads => {
      const input = inputs.indexOf(source);
      let product = groups.findIndex((g) => g.input === input);
      if (product < 0) product = groups.push({ input, blocks: [], biases: [], width: 0 }) - 1;
      const group = groups[product]!;
      const n = heads * width;
      group.blocks.push({ values: context.weight(`${name}/kernel`)!, stride: n, from: 0, n });
      if (useBias) group.biases.push(context.weight(`${name}/bias`)!);
      const column = group.width;
      group.width += n;
      return { product, column };
    };
    const query = project("query", queryId, keyDim);
    const key = project("key", keyId, keyDim);
    const value = project("value", valueId, valueDim);
    const products: InputProjection[] = groups.map((group) => {
      const features = group.blocks[0]!.values.length / group.blocks[0]!.n;
      return { input: group.input, weights: placeBlocks(arena, features, group.blocks), bias: useBias ? placeVector(arena, ...group.biases) : 0 };
    });

    const outputShape = node.outputs[0]!.shape.slice(2) as number[];
    const outputWidth = outputShape.reduce((a, b) => a * b, 1);
    const outputKernel = placeMatrix(arena, context.weight("attention_output/kernel")!, heads * valueDim, outputWidth);
    const outputBias = useBias ? placeVector(arena, context.weight("attention_output/bias")!) : 0;
    const op = multiHeadAttentionOp(layer.name, inputs, context.mask(queryId), node.outputs.map((o) => o.id), {
      heads,
      keyDim,
      valueDim,
      products,
      query,
      key,
      value,
      output: outputKernel,
      outputBias,
      outputShape,
      causal: booleanOption(options, "use_causal_mask"),
      returnsWeights: booleanOption(options, "return_attention_scores"),
      fuse: optimizations.fuseEpilogue,
      valueInput: inputs.indexOf(valueId),
    });
    context.push(op);
  },
};

/** Attention, AdditiveAttention, LuongAttention, ScaledDotProductAttention, MultiHeadAttention. */
export const ATTENTION_LOWERINGS: readonly LayerLowering[] = [queryValue, multiHead];
