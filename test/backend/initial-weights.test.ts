import { describe, expect, it } from "vitest";
import { initialWeights, weightKey } from "../../src/backend/init/initial-weights.js";
import { identical } from "./arrays.js";
import { embeddingLstm, sharedEmbedding } from "./fixtures.js";

describe("initialWeights", () => {
  it("gives every weight its values, keyed by layer and weight name", () => {
    const weights = initialWeights(embeddingLstm(), 1);
    expect([...weights.keys()]).toEqual(["embedding/embeddings", "lstm/kernel", "lstm/recurrent_kernel", "lstm/bias"]);
    expect(weights.get(weightKey("lstm", "recurrent_kernel"))!.length).toBe(200 * 800);
    expect(weights.get("embedding/embeddings")!.length).toBe(1000 * 100);
  });

  it("is the same for the same seed and differs for another seed", () => {
    const first = initialWeights(embeddingLstm(), 42);
    const again = initialWeights(embeddingLstm(), 42);
    const other = initialWeights(embeddingLstm(), 43);
    for (const [key, values] of first) {
      expect(identical(again.get(key), values)).toBe(true);
      if (key !== "lstm/bias") expect(identical(other.get(key), values)).toBe(false); // the bias has no randomness
    }
  });

  it("does not depend on the order of layers or on the other layers", () => {
    const ir = embeddingLstm();
    const all = initialWeights(ir, 7);
    const reversed = initialWeights({ layers: [...ir.layers].reverse() }, 7);
    const lstmOnly = initialWeights({ layers: ir.layers.filter((l) => l.name === "lstm") }, 7);
    const withMore = initialWeights({ layers: [...sharedEmbedding().layers, ...ir.layers] }, 7);
    for (const [key, values] of all) expect(identical(reversed.get(key), values)).toBe(true);
    expect(identical(lstmOnly.get("lstm/kernel"), all.get("lstm/kernel"))).toBe(true);
    expect(identical(withMore.get("lstm/kernel"), all.get("lstm/kernel"))).toBe(true);
  });

  it("gives each weight of a layer and each layer its own stream", () => {
    const [embedding] = sharedEmbedding().layers;
    const spec = embedding!.weights[0]!;
    const twin = { ...embedding!, weights: [spec, { ...spec, name: "other_embeddings" }] };
    const weights = initialWeights({ layers: [twin, { ...twin, name: "embedding_1" }] }, 3);
    const values = weights.get("embedding/embeddings");
    expect(identical(weights.get("embedding/other_embeddings"), values)).toBe(false);
    expect(identical(weights.get("embedding_1/embeddings"), values)).toBe(false);
  });
});
