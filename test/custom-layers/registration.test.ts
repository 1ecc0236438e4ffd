import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { registerCustomLayers } from "../../src/backend/custom/index.js";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { Options } from "../../src/ir/types.js";
import { runLayer } from "../layers/harness.js";
import { buildLayer } from "../layers/tfjs-layer-case.js";
import { maxDifference, random, setUpCustomLayers } from "./custom-layer-run.js";

/** The custom classes are registered once, under the names toTfjs uses, and survive a save and load. */

beforeAll(setUpCustomLayers);

/** A layer as the backend makes it from nnspec's options, given its concrete input shapes. */
function lowered(type: string, options: Options, shapes: number[][]): tf.layers.Layer {
  const run = runLayer(type, options, shapes.map((shape) => ({ shape })));
  return buildLayer(getLayerDefinition(type)!.toTfjs({ name: `${type.toLowerCase()}_saved`, options: run.options }));
}

describe("registerCustomLayers", () => {
  const classNames = [
    "Attention",
    "AdditiveAttention",
    "LuongAttention",
    "ScaledDotProductAttention",
    "MultiHeadAttention",
    "PositionEmbedding",
    "SinePositionEncoding",
    "CausalConv1D",
    "NnspecSlice",
  ];

  it("registers every class nnspec lowers to that tfjs-layers lacks", () => {
    const registered = tf.serialization.SerializationMap.getMap().classNameMap;
    expect(classNames.filter((name) => !(name in registered))).toEqual([]);
  });

  it("is idempotent: a second call keeps the classes registered the first time", () => {
    const before = classNames.map((name) => tf.serialization.SerializationMap.getMap().classNameMap[name][0]);
    registerCustomLayers(tf);
    expect(classNames.map((name) => tf.serialization.SerializationMap.getMap().classNameMap[name][0])).toEqual(before);
  });

  it("lets tf.loadLayersModel load a saved model that uses them, computing the same outputs", async () => {
    const x = tf.input({ shape: [6, 8] });
    const memory = tf.input({ shape: [5, 8] });
    const positions = lowered("PositionEmbedding", { sequence_length: 10 }, [[1, 6, 8]]).apply(x) as tf.SymbolicTensor;
    const positioned = tf.layers.add().apply([x, positions]) as tf.SymbolicTensor;
    const convolved = lowered("Conv1D", { filters: 8, kernel_size: 3, padding: "causal" }, [[1, 6, 8]]).apply(positioned) as tf.SymbolicTensor;
    const attended = lowered("MultiHeadAttention", { num_heads: 2, key_dim: 4, use_causal_mask: true }, [[1, 6, 8], [1, 5, 8]]).apply([
      convolved,
      memory,
    ]) as tf.SymbolicTensor;
    const model = tf.model({ inputs: [x, memory], outputs: attended });
    model.setWeights(model.weights.map((w) => random(w.shape as number[])));

    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));

    const inputs = [random([2, 6, 8]), random([2, 5, 8])];
    expect(loaded.layers.map((l) => l.getClassName())).toContain("MultiHeadAttention");
    expect(maxDifference(loaded.predict(inputs) as tf.Tensor, model.predict(inputs) as tf.Tensor)).toBe(0);
  });
});
