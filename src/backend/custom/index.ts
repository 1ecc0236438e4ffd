import type { Tf } from "../backend.js";
import { defineAdditiveAttention } from "./additive-attention-layer.js";
import { defineAttention } from "./attention-layer.js";
import { defineCausalConv1D } from "./causal-conv1d-layer.js";
import { defineLuongAttention } from "./luong-attention-layer.js";
import { defineMultiHeadAttention } from "./multi-head-attention-layer.js";
import { defineSliceLayer } from "./nnspec-slice.js";
import { definePositionEmbedding } from "./position-embedding-layer.js";
import { defineQueryValueAttention } from "./query-value-attention.js";
import { defineScaledDotProductAttention } from "./scaled-dot-product-attention-layer.js";
import { defineSinePositionEncoding } from "./sine-position-encoding-layer.js";

/**
 * nnspec's own tfjs layers, for the layers tfjs-layers lacks (Attention, AdditiveAttention,
 * LuongAttention, ScaledDotProductAttention, MultiHeadAttention, PositionEmbedding,
 * SinePositionEncoding, NnspecSlice for indexing) and for Conv1D's causal padding
 * (CausalConv1D). Each class is defined on the TensorFlow.js module it is given, since nnspec
 * loads TensorFlow.js lazily.
 */

const registered = new WeakSet<Tf>();

/**
 * Registers the custom layer classes with TensorFlow.js's serialization map, under their
 * class names (package "nnspec"), so tfjs can build them from a config, and tf.loadLayersModel
 * can load a saved model that uses them. Idempotent: a second call with the same module does
 * nothing.
 */
export function registerCustomLayers(tf: Tf): void {
  if (registered.has(tf)) return;
  const QueryValueAttention = defineQueryValueAttention(tf);
  const classes = [
    defineAttention(tf, QueryValueAttention),
    defineAdditiveAttention(tf, QueryValueAttention),
    defineLuongAttention(tf, QueryValueAttention),
    defineScaledDotProductAttention(tf, QueryValueAttention),
    defineMultiHeadAttention(tf),
    definePositionEmbedding(tf),
    defineSinePositionEncoding(tf),
    defineCausalConv1D(tf),
  ];
  for (const cls of classes) tf.serialization.registerClass(cls, "nnspec");
  defineSliceLayer(tf); // registers itself
  registered.add(tf);
}
