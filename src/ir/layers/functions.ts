import type { FunctionDefinition } from "../layer-definition.js";
import { activationNames } from "./activation-names.js";

/**
 * The lowercase function forms of Keras's functional API: each creates its layer and applies
 * it to the leading tensor arguments at once (`dot(a, b, axes=2)`, `relu(x)`).
 */

const merges: FunctionDefinition[] = [
  { name: "dot", layer: "Dot", positional: ["axes", "normalize"], summary: "dot(a, b, axes): batched dot product (Dot layer)." },
  { name: "concatenate", layer: "Concatenate", positional: ["axis"], summary: "concatenate(a, b, …, axis=-1): joins tensors along an axis." },
  { name: "add", layer: "Add", summary: "add(a, b, …): element-wise sum." },
  { name: "subtract", layer: "Subtract", summary: "subtract(a, b): element-wise a - b." },
  { name: "multiply", layer: "Multiply", summary: "multiply(a, b, …): element-wise product." },
  { name: "average", layer: "Average", summary: "average(a, b, …): element-wise mean." },
  { name: "maximum", layer: "Maximum", summary: "maximum(a, b, …): element-wise maximum." },
  { name: "minimum", layer: "Minimum", summary: "minimum(a, b, …): element-wise minimum." },
];

// softmax takes an axis, so it is the Softmax layer; the other activations are Activation layers.
const softmax: FunctionDefinition = {
  name: "softmax",
  layer: "Softmax",
  positional: ["axis"],
  summary: "softmax(x, axis=-1): softmax over one axis.",
};

const activations: FunctionDefinition[] = activationNames
  .filter((name) => name !== "softmax")
  .map((name) => ({ name, layer: "Activation", fixed: { activation: name }, summary: `${name}(x): the ${name} activation.` }));

const attention: FunctionDefinition = {
  name: "scaled_dot_product_attention",
  layer: "ScaledDotProductAttention",
  summary: "scaled_dot_product_attention(query, value, key?, causal=false): softmax(q·kᵀ/√d)·v.",
};

/** Every function form, in the order documentation lists them. */
export const functionForms: readonly FunctionDefinition[] = [...merges, softmax, attention, ...activations];
