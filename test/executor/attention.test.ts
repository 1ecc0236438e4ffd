import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { unsupportedLayers } from "../../src/executor/index.js";
import type { ArrayTensor } from "../../src/executor/types.js";
import { padded } from "./padding.js";
import { expectSameAsLayers, specIR } from "./same-as-layers.js";

/**
 * The attention layers against nnspec's Layers model, on both kernels. Sizes are odd on purpose
 * (features 3, 5, 7; 3 heads) so that vector tails are exercised, time is symbolic (T), and
 * batch sizes 1, 2 and 5 are run. Masked cases pad their token IDs (below), so that padding matters.
 */
interface AttentionCase {
  name: string;
  body: string;
  symbols?: Record<string, number>;
  batches?: number[];
}

const BATCHES = [1, 2, 5];

const QUERY_VALUE_CASES: AttentionCase[] = [
  { name: "Attention", body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 5]\noutput y = Attention()(q, v)` },
  {
    name: "Attention, use_scale, key given",
    body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 3]\ninput k: float32[batch, 7, 5]\noutput y = Attention(use_scale=true)(q, v, k)`,
  },
  { name: "Attention, concat scores", body: `input q: float32[batch, T, 6]\ninput v: float32[batch, 7, 6]\noutput y = Attention(score_mode="concat")(q, v)` },
  {
    name: "Attention, concat scores, use_scale, key given",
    body: `input q: float32[batch, T, 9]\ninput v: float32[batch, 7, 2]\ninput k: float32[batch, 7, 9]\noutput y = Attention(score_mode="concat", use_scale=true)(q, v, k)`,
  },
  {
    name: "Attention, causal, with its weights",
    body: `input x: float32[batch, T, 5]\ny, w = Attention(use_causal_mask=true, return_attention_scores=true)(x, x)\noutput out = y\noutput weights = w`,
  },
  { name: "Attention, causal, query longer than the value", body: `input q: float32[batch, 9, 5]\ninput v: float32[batch, 4, 5]\noutput y = Attention(use_causal_mask=true)(q, v)` },
  { name: "AdditiveAttention", body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 5]\noutput y = AdditiveAttention()(q, v)` },
  {
    name: "AdditiveAttention, no scale, key given, with its weights",
    body: `input q: float32[batch, T, 4]\ninput v: float32[batch, 6, 3]\ninput k: float32[batch, 6, 4]
    y, w = AdditiveAttention(use_scale=false, return_attention_scores=true)(q, v, k)\noutput out = y\noutput weights = w`,
  },
  { name: "AdditiveAttention, causal", body: `input x: float32[batch, T, 7]\noutput y = AdditiveAttention(use_causal_mask=true)(x, x)` },
  {
    name: "LuongAttention, general score between sizes, with its weights",
    body: `input q: float32[batch, T, 3]\ninput v: float32[batch, 7, 5]\ny, w = LuongAttention(return_attention_scores=true)(q, v)\noutput out = y\noutput weights = w`,
  },
  {
    name: "LuongAttention, general, key given, causal",
    body: `input q: float32[batch, T, 3]\ninput v: float32[batch, 7, 2]\ninput k: float32[batch, 7, 5]\noutput y = LuongAttention("general", use_causal_mask=true)(q, v, k)`,
  },
  { name: "LuongAttention, dot score", body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 5]\noutput y = LuongAttention(score="dot")(q, v)` },
  { name: "ScaledDotProductAttention", body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 5]\noutput y = ScaledDotProductAttention()(q, v)` },
  {
    name: "ScaledDotProductAttention, heads split by hand, causal, with its weights",
    body: `input x: float32[batch, 3, T, 5]\ny, w = ScaledDotProductAttention(causal=true, return_attention_scores=true)(x, x)\noutput out = y\noutput weights = w`,
  },
  {
    name: "ScaledDotProductAttention, rank 5, key given",
    body: `input q: float32[batch, 2, 3, T, 6]\ninput v: float32[batch, 2, 3, 4, 3]\ninput k: float32[batch, 2, 3, 4, 6]\noutput y = ScaledDotProductAttention()(q, v, k)`,
  },
  { name: "scaled_dot_product_attention, the function", body: `input q: float32[batch, T, 8]\ninput v: float32[batch, 7, 8]\noutput y = scaled_dot_product_attention(q, v)` },
];

const MULTI_HEAD_CASES: AttentionCase[] = [
  { name: "self-attention", body: `input x: float32[batch, T, 5]\noutput y = MultiHeadAttention(3, 4)(x, x)` },
  {
    name: "cross-attention, value_dim, output_shape, no bias",
    body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 7, 3]\noutput y = MultiHeadAttention(3, 5, value_dim=7, output_shape=4, use_bias=false)(q, v)`,
  },
  {
    name: "query, value and key apart, output_shape [2, 3], causal, with its weights",
    body: `input q: float32[batch, T, 5]\ninput v: float32[batch, 6, 3]\ninput k: float32[batch, 6, 7]
    y, w = MultiHeadAttention(2, 3, output_shape=[2, 3], use_causal_mask=true, return_attention_scores=true)(q, v, k)\noutput out = y\noutput weights = w`,
  },
  {
    name: "query as the key",
    body: `input q: float32[batch, T, 5]\ninput v: float32[batch, T, 3]\noutput y = MultiHeadAttention(3, 2, value_dim=5)(q, v, q)`,
  },
  {
    name: "causal self-attention with its weights, one head",
    body: `input x: float32[batch, T, 6]\ny, w = MultiHeadAttention(1, 6, use_causal_mask=true, return_attention_scores=true)(x, x)\noutput out = y\noutput weights = w`,
  },
];

/** Large enough (at the larger batch) for blocks of query steps, or of batch rows, to be tasks of both threads. */
const PARALLEL_CASES: AttentionCase[] = [
  {
    name: "in parallel, causal self-attention",
    body: `input x: float32[batch, T, 32]\noutput y = MultiHeadAttention(4, 16, use_causal_mask=true)(x, x)`,
    symbols: { T: 150 },
    batches: [1, 3],
  },
  {
    name: "Attention in parallel, with its weights",
    body: `input x: float32[batch, T, 64]\ny, w = Attention(use_scale=true, return_attention_scores=true)(x, x)\noutput out = y\noutput weights = w`,
    symbols: { T: 200 },
    batches: [1, 3],
  },
  {
    name: "ScaledDotProductAttention in parallel over batch rows, causal",
    body: `input q: float32[batch, 3, 64]\ninput v: float32[batch, T, 64]\noutput y = ScaledDotProductAttention(causal=true)(q, v)`,
    symbols: { T: 500 },
    batches: [1, 64],
  },
  // Scores of 2 × 800 × 800 per batch row: the scratch holds 3 batch rows, so batch 5 goes in two chunks.
  {
    name: "MultiHeadAttention on long sequences, in chunks of batch rows",
    body: `input x: float32[batch, T, 5]\noutput y = MultiHeadAttention(2, 3, use_causal_mask=true)(x, x)`,
    symbols: { T: 800 },
    batches: [1, 5],
  },
];

/** Token IDs that pad: row 0 is whole, row 1 all padding, the others padded after a random length. */
function padIds(inputs: Record<string, ArrayTensor>, random: () => number): Record<string, ArrayTensor> {
  const padded: Record<string, ArrayTensor> = {};
  for (const [name, tensor] of Object.entries(inputs)) {
    if (!(tensor.data instanceof Int32Array)) {
      padded[name] = tensor;
      continue;
    }
    const [batch, steps] = tensor.shape as [number, number];
    const data = Int32Array.from(tensor.data, (id) => Math.max(id, 1));
    for (let b = 0; b < batch; b++) {
      const length = b === 0 ? steps : b === 1 ? 0 : Math.floor(random() * steps);
      data.fill(0, b * steps + length, (b + 1) * steps);
    }
    padded[name] = { data, shape: tensor.shape };
  }
  return padded;
}

/** Embedded token IDs with Keras masks: qe [batch, T, 5] and ve [batch, 7, 5]. */
const EMBEDDED = `input qi: int32[batch, T]
  input vi: int32[batch, 7]
  qe = qi |> Embedding(13, 5, mask_zero=true)
  ve = vi |> Embedding(11, 5, mask_zero=true)`;

const MASKED_CASES: AttentionCase[] = [
  { name: "Attention: padded query steps give zeros, the value's padding is not applied", body: `${EMBEDDED}\noutput y = Attention()(qe, ve)` },
  {
    name: "Attention, causal, with its weights",
    body: `${EMBEDDED}\ny, w = Attention(use_causal_mask=true, return_attention_scores=true)(qe, qe)\noutput out = y\noutput weights = w`,
  },
  { name: "Attention, concat scores", body: `${EMBEDDED}\noutput y = Attention(score_mode="concat", use_scale=true)(qe, ve)` },
  { name: "AdditiveAttention", body: `${EMBEDDED}\noutput y = AdditiveAttention()(qe, ve)` },
  { name: "LuongAttention", body: `${EMBEDDED}\noutput y = LuongAttention()(qe, ve)` },
  { name: "ScaledDotProductAttention", body: `${EMBEDDED}\noutput y = ScaledDotProductAttention()(qe, ve)` },
  { name: "a mask on the value alone changes nothing", body: `${EMBEDDED}\ninput q: float32[batch, T, 5]\noutput y = Attention()(q, ve)` },
  {
    name: "the output carries the query's mask into the next layer",
    body: `${EMBEDDED}\ninput v: float32[batch, 4, 5]\na = Attention()(qe, ve)\noutput y = AdditiveAttention()(a, v)`,
  },
  {
    name: "the weights carry the query's mask too, as tfjs-layers runs the model",
    body: `${EMBEDDED}\ninput u: float32[batch, 4, 7]\nctx, w = Attention(return_attention_scores=true)(qe, ve)\noutput y = Attention()(w, u)\noutput c = ctx`,
  },
  { name: "MultiHeadAttention: padded query steps weigh the values evenly", body: `${EMBEDDED}\noutput y = MultiHeadAttention(3, 4)(qe, qe)` },
  {
    name: "MultiHeadAttention, causal, with its weights, then the mask onwards",
    body: `${EMBEDDED}\ny, w = MultiHeadAttention(2, 3, use_causal_mask=true, return_attention_scores=true)(qe, ve)\noutput out = Attention()(y, ve)\noutput weights = w`,
  },
];

const groups = { "query-value attention": QUERY_VALUE_CASES, MultiHeadAttention: MULTI_HEAD_CASES, "in parallel": PARALLEL_CASES, masked: MASKED_CASES };

for (const [group, cases] of Object.entries(groups)) {
  describe(`${group}: the executor computes what the Layers model computes`, () => {
    for (const [i, c] of cases.entries()) {
      it(c.name, async () => {
        const ir = specIR(`model M {\n${c.body}\n}`);
        expect(unsupportedLayers(ir)).toEqual([]);
        await expectSameAsLayers(ir, {
          batches: c.batches ?? BATCHES,
          symbols: c.symbols ?? { T: 6 },
          salt: 1000 * i + group.length,
          prepare: group === "masked" ? padIds : undefined,
        });
      });
    }
  });
}

describe("masks from elsewhere, and what the executor refuses", () => {
  // tfjs-layers' executor would hand y2 the last mask it passed (nnspec's Layers model keeps it
  // from doing so): without a mask of its own, an attention layer masks nothing.
  it("runs an attention layer without masked inputs in a model with masks, masking nothing", async () => {
    const ir = specIR(`model M {
      input ids: int32[batch, 6]
      input x: float32[batch, 6, 5]
      embedded = ids |> Embedding(13, 5, mask_zero=true)
      output y1 = Attention()(embedded, embedded)
      output y2 = MultiHeadAttention(2, 3)(x, x)
      output y3 = Attention()(x, embedded)
    }`);
    expect(unsupportedLayers(ir)).toEqual([]);
    await expectSameAsLayers(ir, { batches: [1, 4], salt: 8300, prepare: padded(ir) });
  });

  it("a query's mask on a ScaledDotProductAttention of rank 4", () => {
    const ir = specIR(`model M {\ninput ids: int32[batch, 2, T]\nx = ids |> Embedding(9, 4, mask_zero=true)\noutput y = ScaledDotProductAttention()(x, x)\n}`);
    expect(unsupportedLayers(ir)).toEqual([
      { layer: "y", reason: expect.stringContaining("ScaledDotProductAttention: the executor applies a query's mask to 3-D queries") },
    ]);
  });
});

/** A spec under specs/, lowered by check(). */
function specFile(path: string) {
  return specIR(readFileSync(fileURLToPath(new URL(`../../specs/${path}`, import.meta.url)), "utf8"));
}

describe("the specs with attention layers", () => {
  const specs: { path: string; symbols: Record<string, number> }[] = [
    { path: "layers/attention.nnspec", symbols: { S: 7, T: 5 } },
    { path: "layers/causal-self-attention.nnspec", symbols: { T: 9 } },
    { path: "layers/transformer-block.nnspec", symbols: {} },
    { path: "examples/transformer-classifier.nnspec", symbols: {} },
    { path: "layers/gru.nnspec", symbols: { S: 7, T: 5 } },
    { path: "examples/encoder-decoder.nnspec", symbols: { S: 7, T: 5 } },
  ];
  for (const [i, spec] of specs.entries()) {
    it(`${spec.path}: the executor computes what the Layers model computes`, async () => {
      const ir = specFile(spec.path);
      expect(unsupportedLayers(ir)).toEqual([]);
      await expectSameAsLayers(ir, { batches: [1, 3], symbols: spec.symbols, salt: 7000 + i, backend: "wasm", prepare: padIds });
    });
  }
});
